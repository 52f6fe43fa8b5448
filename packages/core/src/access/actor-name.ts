/**
 * A readable name for who acted, for what the console shows beside a change (who froze an
 * agent): "Ada Lovelace <ada@example.com>", "admin token deploy-ci", "the platform".
 */
import type { DbTransaction } from "@sekuire/db";
import type { Actor } from "../audit/index.js";

export async function actorName(
  tx: DbTransaction,
  organizationId: string,
  actor: Actor,
): Promise<string> {
  if (actor.kind === "system") return actor.label ?? "the platform";
  if (actor.kind === "admin_token") {
    const token = await tx.adminToken.findFirst({
      where: { organizationId, id: actor.tokenId },
      select: { name: true },
    });
    return `admin token ${token?.name ?? actor.label ?? actor.tokenId}`;
  }
  const user = await tx.user.findUnique({
    where: { id: actor.userId },
    select: { name: true, email: true },
  });
  if (!user) return actor.label ?? "a former member";
  return user.name ? `${user.name} <${user.email}>` : user.email;
}

/** The freeze columns of a workspace or agent: who and when while frozen, cleared when not. */
export async function freezeFields(
  tx: DbTransaction,
  organizationId: string,
  actor: Actor,
  frozen: boolean,
) {
  return frozen
    ? { frozen, frozenAt: new Date(), frozenBy: await actorName(tx, organizationId, actor) }
    : { frozen, frozenAt: null, frozenBy: null };
}
