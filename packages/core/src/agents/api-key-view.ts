import { displaySecret } from "../secrets.js";
import { type ApiKeyStatus, apiKeyStatus } from "./api-key-status.js";

/** A key as the console lists it: prefix and last four, never the secret nor its hash. */
export interface ApiKeyView {
  id: string;
  workspaceId: string;
  agentId: string;
  name: string | null;
  /** `sek_live_Ab3x…9fQz` */
  display: string;
  prefix: string;
  lastFour: string;
  status: ApiKeyStatus;
  expiresAt: Date | null;
  revokedAt: Date | null;
  graceUntil: Date | null;
  lastUsedAt: Date | null;
  rotatedFromId: string | null;
  createdById: string | null;
  createdAt: Date;
}

/** Selecting explicitly keeps secretHash out of every query result that could reach a client. */
export const apiKeySelect = {
  id: true,
  workspaceId: true,
  agentId: true,
  name: true,
  prefix: true,
  lastFour: true,
  expiresAt: true,
  revokedAt: true,
  graceUntil: true,
  lastUsedAt: true,
  rotatedFromId: true,
  createdById: true,
  createdAt: true,
} as const;

type ApiKeyRow = Omit<ApiKeyView, "display" | "status">;

export function toApiKeyView(row: ApiKeyRow, now: Date): ApiKeyView {
  return {
    ...row,
    display: displaySecret(row.prefix, row.lastFour),
    status: apiKeyStatus(row, now),
  };
}
