/**
 * The tamper-evident part of a decision record: its hash covers every stored field and the
 * previous record's hash, in a canonical JSON (keys sorted, so the text Postgres gives back
 * hashes the same as the text first written).
 */
import { createHash } from "node:crypto";
import { stringify } from "safe-stable-stringify";

export interface HashedFields {
  id: string;
  organizationId: string;
  workspaceId: string;
  agentId: string;
  apiKeyId: string | null;
  requestId: string | null;
  seq: bigint;
  action: string;
  resource: string | null;
  decision: string;
  reason: string | null;
  matched: unknown;
  approvalId: string | null;
  context: unknown;
  details: unknown;
  latencyUs: number | null;
  retentionUntil: Date;
  createdAt: Date;
  prevHash: string | null;
}

export function recordHash(fields: HashedFields): string {
  const text = stringify({
    ...fields,
    seq: fields.seq.toString(),
    retentionUntil: fields.retentionUntil.toISOString(),
    createdAt: fields.createdAt.toISOString(),
    matched: fields.matched ?? null,
    context: fields.context ?? null,
    details: fields.details ?? null,
  });
  return createHash("sha256")
    .update(text ?? "")
    .digest("hex");
}
