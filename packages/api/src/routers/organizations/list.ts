import { listOrganizations } from "@sekuire/core/organizations";
import { z } from "zod";
import { json } from "../../json.js";
import { organizationOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The organizations the caller belongs to, with the caller's role in each. */
export const listProcedure = authedProcedure
  .output(z.array(organizationOutput))
  .query(({ ctx }) => json(listOrganizations(ctx.db, ctx.principal)));
