/**
 * Loading and locking the rows every policy service starts from, always pinned to the caller's
 * organization: an id from another organization is simply not found.
 */
import type { Db, DbTransaction } from "@sekuire/db";
import type { Actor } from "../audit/index.js";
import { notFound } from "../errors/index.js";

/** A client or a transaction: reads work the same through either. */
export type Client = Db | DbTransaction;

/**
 * Interactive transactions wait for a pooled connection and may queue behind a row lock (concurrent
 * publishes of one policy); Prisma's defaults (2 s / 5 s) are tight for that on a small machine.
 */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export async function loadPolicy(client: Client, organizationId: string, policyId: string) {
  const policy = await (client as DbTransaction).policy.findFirst({
    where: { id: policyId, organizationId },
  });
  if (!policy) throw notFound("The policy");
  return policy;
}

/**
 * Takes the policy's row lock for the rest of the transaction: publishes, approvals and restores
 * of one policy run one after another, so version numbers are computed without racing. The unique
 * (policyId, number) index stays as the last line of defence.
 */
export async function lockPolicy(tx: DbTransaction, organizationId: string, policyId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Policy" WHERE id = ${policyId} AND "organizationId" = ${organizationId}
    FOR UPDATE`;
  if (rows.length === 0) throw notFound("The policy");
  return loadPolicy(tx, organizationId, policyId);
}

export async function loadVersion(client: Client, organizationId: string, versionId: string) {
  const version = await (client as DbTransaction).policyVersion.findFirst({
    where: { id: versionId, organizationId },
  });
  if (!version) throw notFound("The policy version");
  return version;
}

export async function loadWorkspace(client: Client, organizationId: string, workspaceId: string) {
  const workspace = await (client as DbTransaction).workspace.findFirst({
    where: { id: workspaceId, organizationId },
    select: { id: true, name: true, slug: true, organizationId: true },
  });
  if (!workspace) throw notFound("The workspace");
  return workspace;
}

export async function latestVersionNumber(
  client: Client,
  organizationId: string,
  policyId: string,
) {
  const result = await (client as DbTransaction).policyVersion.aggregate({
    where: { organizationId, policyId },
    _max: { number: true },
  });
  return result._max.number ?? 0;
}

/** The user to credit in user-id columns; admin tokens are named in the audit event instead. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
