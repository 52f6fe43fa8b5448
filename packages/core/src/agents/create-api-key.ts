import type { Db, DbTransaction } from "@sekuire/db";
import { z } from "zod";
import { type Access, authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError } from "../errors/index.js";
import { generateSecret } from "../secrets.js";
import { dateSchema, idOf, nameSchema, organizationIdSchema, parseInput } from "../shared/index.js";
import { type ApiKeyView, apiKeySelect, toApiKeyView } from "./api-key-view.js";
import { findAgent } from "./find-agent.js";

export const createApiKeyInput = z.object({
  organizationId: organizationIdSchema,
  agentId: idOf("agt"),
  name: nameSchema.optional(),
  /** No expiry when left out. */
  expiresAt: dateSchema.optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export interface CreatedApiKey {
  key: ApiKeyView;
  /** The secret: returned here once and never again (only its SHA-256 is stored). */
  secret: string;
}

export async function createApiKey(
  db: Db,
  principal: Principal,
  input: CreateApiKeyInput,
  now: Date = new Date(),
): Promise<CreatedApiKey> {
  const { organizationId, agentId, name, expiresAt } = parseInput(createApiKeyInput, input);
  assertFuture(expiresAt, now);
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const agent = await findAgent(tx, organizationId, agentId);
    const created = await insertApiKey(tx, {
      organizationId,
      workspaceId: agent.workspaceId,
      agentId,
      name: name ?? null,
      expiresAt: expiresAt ?? null,
      createdById: principal.kind === "user" ? principal.userId : null,
      rotatedFromId: null,
    });
    await auditKey(tx, access, "api_key.created", created.row, {});
    return { key: toApiKeyView(created.row, now), secret: created.secret };
  });
}

interface NewKeyFields {
  organizationId: string;
  workspaceId: string;
  agentId: string;
  name: string | null;
  expiresAt: Date | null;
  createdById: string | null;
  rotatedFromId: string | null;
}

/** Inserts a key with a fresh secret; shared by creation and rotation. */
export async function insertApiKey(tx: DbTransaction, fields: NewKeyFields) {
  const { secret, hash, prefix, lastFour } = generateSecret("live");
  const row = await tx.apiKey.create({
    data: { ...fields, prefix, lastFour, secretHash: hash },
    select: apiKeySelect,
  });
  return { row, secret };
}

export async function auditKey(
  tx: DbTransaction,
  access: Access,
  action: string,
  key: { id: string; agentId: string; workspaceId: string; prefix: string; lastFour: string },
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    organizationId: access.organizationId,
    actor: access.actor,
    origin: access.origin,
    action,
    targetType: "api_key",
    targetId: key.id,
    details: {
      agentId: key.agentId,
      workspaceId: key.workspaceId,
      key: `${key.prefix}…${key.lastFour}`,
      ...details,
    },
  });
}

export function assertFuture(expiresAt: Date | undefined, now: Date): void {
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new AppError("BAD_REQUEST", "The input is not valid.", [
      { pointer: "/expiresAt", message: "Must be in the future." },
    ]);
  }
}
