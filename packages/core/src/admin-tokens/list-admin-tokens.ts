import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { organizationIdSchema, parseInput } from "../shared/index.js";
import { type AdminTokenView, adminTokenSelect, toAdminTokenView } from "./admin-token-view.js";

export const listAdminTokensInput = z.object({ organizationId: organizationIdSchema });
export type ListAdminTokensInput = z.input<typeof listAdminTokensInput>;

/** Every token of the organization, newest first, revoked and expired ones included. */
export async function listAdminTokens(
  db: Db,
  principal: Principal,
  input: ListAdminTokensInput,
  now: Date = new Date(),
): Promise<AdminTokenView[]> {
  const { organizationId } = parseInput(listAdminTokensInput, input);
  await authorize(db, principal, organizationId, "admin");
  const rows = await db.adminToken.findMany({
    where: { organizationId },
    select: adminTokenSelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => toAdminTokenView(row, now));
}
