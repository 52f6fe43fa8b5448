import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError } from "../errors/index.js";
import {
  descriptionSchema,
  isUniqueViolation,
  nameSchema,
  organizationIdSchema,
  parseInput,
} from "../shared/index.js";
import { slugify, slugSchema } from "./slug.js";
import { type WorkspaceView, workspaceSelect } from "./workspace-view.js";

export const createWorkspaceInput = z.object({
  organizationId: organizationIdSchema,
  name: nameSchema,
  /** Derived from the name when left out. */
  slug: slugSchema.optional(),
  description: descriptionSchema.optional(),
});
export type CreateWorkspaceInput = z.input<typeof createWorkspaceInput>;

export async function createWorkspace(
  db: Db,
  principal: Principal,
  input: CreateWorkspaceInput,
): Promise<WorkspaceView> {
  const parsed = parseInput(createWorkspaceInput, input);
  const { organizationId, name, description } = parsed;
  const slug = parsed.slug ?? slugify(name);
  if (!slug) {
    throw new AppError("BAD_REQUEST", "The input is not valid.", [
      { pointer: "/slug", message: "The name has no letters or digits: give a slug." },
    ]);
  }
  try {
    return await db.$transaction(async (tx) => {
      const access = await authorizeInTx(tx, principal, organizationId, "admin");
      const workspace = await tx.workspace.create({
        data: { organizationId, name, slug, description: description ?? null },
        select: workspaceSelect,
      });
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "workspace.created",
        targetType: "workspace",
        targetId: workspace.id,
        details: { name, slug },
      });
      return workspace;
    });
  } catch (error) {
    throw slugTaken(error, slug);
  }
}

/** A unique-slug violation as the CONFLICT the form can show beside the slug field. */
export function slugTaken(error: unknown, slug: string): unknown {
  if (!isUniqueViolation(error)) return error;
  return new AppError("CONFLICT", `A workspace with the slug "${slug}" already exists.`, [
    { pointer: "/slug", message: "Already used by another workspace in this organization." },
  ]);
}
