/**
 * `Idempotency-Key` on every POST: the first answer is kept in Redis for a day under the key's
 * agent, and a retry with the same key and body gets it again, so nothing is reserved, leased or
 * recorded twice. A retry while the first is still being decided is 409; the same key with
 * another body is 422 (a client bug, not a retry). Only 200 answers are kept: after a refusal or
 * an outage the retry decides afresh. Without Redis a keyed request cannot be made safe: 503.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Redis } from "@sekuire/redis";
import { withDeadline } from "../state/deadline.js";
import { HttpError } from "./errors.js";

const DAY_MS = 86_400_000;
/** How long a first attempt may take before a retry may decide again. */
const PENDING_MS = 60_000;
const WHAT = "Redis (the idempotency key)";
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface Stored {
  status: number;
  body: unknown;
}

export type Claim = { replay: Stored } | { claimed: IdempotentRequest } | { none: true };

export interface IdempotentRequest {
  finish(answer: Stored): Promise<void>;
  abandon(): Promise<void>;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The request's Idempotency-Key, checked; undefined when there is none. */
export function idempotencyKeyOf(req: IncomingMessage): string | undefined {
  const value = req.headers["idempotency-key"];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !KEY_SHAPE.test(value))
    throw new HttpError(
      "BAD_REQUEST",
      "Idempotency-Key must be 1 to 255 visible ASCII characters, sent once.",
      [{ pointer: "", message: "header Idempotency-Key" }],
    );
  return value;
}

export async function claim(
  redis: Redis,
  scope: { agentId: string; route: string; key: string | undefined; body: string },
  timeoutMs: number,
): Promise<Claim> {
  if (scope.key === undefined) return { none: true };
  const slot = `sekuire:idempotency:{${scope.agentId}}:${sha256(`${scope.route}\n${scope.key}`)}`;
  const fingerprint = sha256(scope.body);
  const pending = JSON.stringify({ state: "pending", fingerprint });
  const won = await withDeadline(WHAT, timeoutMs, redis.set(slot, pending, "PX", PENDING_MS, "NX"));
  if (won === "OK")
    return {
      claimed: {
        async finish(answer) {
          const done = JSON.stringify({ state: "done", fingerprint, ...answer });
          await withDeadline(WHAT, timeoutMs, redis.set(slot, done, "PX", DAY_MS)).catch(
            () => undefined,
          );
        },
        async abandon() {
          await withDeadline(WHAT, timeoutMs, redis.del(slot)).catch(() => undefined);
        },
      },
    };
  const text = await withDeadline(WHAT, timeoutMs, redis.get(slot));
  if (text === null) return claim(redis, scope, timeoutMs); // it expired between the two calls
  const kept = JSON.parse(text) as { state: string; fingerprint: string } & Partial<Stored>;
  if (kept.fingerprint !== fingerprint)
    throw new HttpError(
      "UNPROCESSABLE_CONTENT",
      "This Idempotency-Key was used with another body: use a new key for a new request.",
    );
  if (kept.state !== "done")
    throw new HttpError(
      "CONFLICT",
      "A request with this Idempotency-Key is still being decided: retry in a moment.",
      [],
      { "retry-after": "1" },
    );
  return { replay: { status: kept.status ?? 200, body: kept.body } };
}

/** Runs `decide` once per Idempotency-Key (when one is sent); a retry gets the kept answer. */
export async function idempotent(
  redis: Redis,
  scope: { agentId: string; route: string; key: string | undefined; body: string },
  timeoutMs: number,
  decide: () => Promise<Stored>,
): Promise<Stored & { replayed: boolean }> {
  const claimed = await claim(redis, scope, timeoutMs);
  if ("replay" in claimed) return { ...claimed.replay, replayed: true };
  if ("none" in claimed) return { ...(await decide()), replayed: false };
  try {
    const answer = await decide();
    if (answer.status === 200) await claimed.claimed.finish(answer);
    else await claimed.claimed.abandon();
    return { ...answer, replayed: false };
  } catch (error) {
    await claimed.claimed.abandon();
    throw error;
  }
}
