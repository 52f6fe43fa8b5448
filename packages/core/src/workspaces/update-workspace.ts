import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import {
  descriptionSchema,
  idOf,
  nameSchema,
  organizationIdSchema,
  parseInput,
} from "../shared/index.js";
import { slugTaken } from "./create-workspace.js";
import { findWorkspace } from "./find-workspace.js";
import { slugSchema } from "./slug.js";
import { type WorkspaceView, workspaceSelect } from "./workspace-view.js";

export const updateWorkspaceInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
  name: nameSchema.optional(),
  slug: slugSchema.optional(),
  description: descriptionSchema.nullable().optional(),
});
export type UpdateWorkspaceInput = z.input<typeof updateWorkspaceInput>;

/** Renames a workspace (name, slug, description; whatever is given). */
export async function updateWorkspace(
  db: Db,
  principal: Principal,
  input: UpdateWorkspaceInput,
): Promise<WorkspaceView> {
  const { organizationId, workspaceId, ...changes } = parseInput(updateWorkspaceInput, input);
  try {
    return await db.$transaction(async (tx) => {
      const access = await authorizeInTx(tx, principal, organizationId, "admin");
      const before = await findWorkspace(tx, organizationId, workspaceId);
      const workspace = await tx.workspace.update({
        where: { id: workspaceId, organizationId },
        data: changes,
        select: workspaceSelect,
      });
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "workspace.updated",
        targetType: "workspace",
        targetId: workspaceId,
        details: {
          from: { name: before.name, slug: before.slug, description: before.description },
          to: changes,
        },
      });
      return workspace;
    });
  } catch (error) {
    throw slugTaken(error, changes.slug ?? "");
  }
}
