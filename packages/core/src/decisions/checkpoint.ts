/**
 * Retention's checkpoint: when the start of a workspace's chain is deleted, the chain head keeps
 * the last deleted record's number and hash, signed with HMAC-SHA256 under a key from the
 * environment (SEKUIRE_CHECKPOINT_KEY), so `verifyChain` can start after it and a forged
 * checkpoint (someone deleting records and moving the mark) is a break, not a clean chain.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { type EnvSource, parseEnv } from "@sekuire/env";
import { z } from "zod";

export interface Checkpoint {
  workspaceId: string;
  seq: bigint;
  hash: string;
}

const FORMAT = "sekuire.checkpoint/v1";

export function signCheckpoint(key: string, checkpoint: Checkpoint): string {
  return createHmac("sha256", key)
    .update(`${FORMAT}\n${checkpoint.workspaceId}\n${checkpoint.seq}\n${checkpoint.hash}`)
    .digest("hex");
}

export function checkpointHolds(key: string, checkpoint: Checkpoint, signature: string): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const schema = z.object({
  SEKUIRE_CHECKPOINT_KEY: z.string().min(16, "must be at least 16 characters").optional(),
});

/** The key from the environment (null when unset); retention deletes nothing without one. */
export function checkpointKeyFromEnv(source?: EnvSource): string | null {
  return parseEnv("retention checkpoints", schema, source).SEKUIRE_CHECKPOINT_KEY?.trim() ?? null;
}
