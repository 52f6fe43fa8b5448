import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { organizationIdSchema, parseInput } from "../shared/index.js";
import type { MemberView } from "./member-view.js";

export const listMembersInput = z.object({ organizationId: organizationIdSchema });
export type ListMembersInput = z.input<typeof listMembersInput>;

/** Every member with their role, oldest first; any member may see who else belongs. */
export async function listMembers(
  db: Db,
  principal: Principal,
  input: ListMembersInput,
): Promise<MemberView[]> {
  const { organizationId } = parseInput(listMembersInput, input);
  await authorize(db, principal, organizationId, "viewer");
  const memberships = await db.membership.findMany({
    where: { organizationId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    joinedAt: m.createdAt,
  }));
}
