/**
 * Who is calling: the bearer key decides organization, workspace and agent. 401 for no key or
 * one that is not known, 403 for one revoked or expired (judged at each use, so an expiry
 * needs no reload); the key's last use is written at most once a minute.
 */
import type { IncomingMessage } from "node:http";
import {
  apiKeyHash,
  keyStanding,
  LAST_USED_RESOLUTION_MS,
  touchLastUsed,
} from "@sekuire/core/decisions";
import { clientAddress } from "@sekuire/net";
import type { DecisionApp } from "../app.js";
import { bearerToken } from "../http/bearer.js";
import { HttpError } from "../http/errors.js";

export interface Caller {
  organizationId: string;
  workspaceId: string;
  agentId: string;
  keyId: string;
  agentFrozen: boolean;
  sourceIp?: string;
}

export async function authenticate(app: DecisionApp, req: IncomingMessage): Promise<Caller> {
  const hash = apiKeyHash(bearerToken(req));
  if (!hash) throw new HttpError("UNAUTHORIZED", "The bearer token is not a Sekuire agent key.");
  const key = await app.keys.get(hash);
  if (!key) throw new HttpError("UNAUTHORIZED", "The API key is not known.");
  const now = app.now();
  const standing = keyStanding(key, now);
  if (standing !== "usable") throw new HttpError("FORBIDDEN", `The API key is ${standing}.`);
  const flood = await app.flood.admit(key.keyId, now.getTime());
  if (!flood.ok)
    throw new HttpError(
      "TOO_MANY_REQUESTS",
      "This API key sends too many requests: slow down.",
      [],
      {
        "retry-after": String(flood.retryAfterSeconds),
      },
    );
  // The cached key takes the new time at once, so concurrent calls write the row once.
  const before = { ...key };
  const last = key.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (now.getTime() - last >= LAST_USED_RESOLUTION_MS) key.lastUsedAt = now;
  void touchLastUsed(app.db, before, now);
  const sourceIp = clientAddress(req, app.settings.trust);
  return {
    organizationId: key.organizationId,
    workspaceId: key.workspaceId,
    agentId: key.agentId,
    keyId: key.keyId,
    agentFrozen: key.agentFrozen,
    ...(sourceIp ? { sourceIp } : {}),
  };
}
