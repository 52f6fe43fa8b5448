import { listOrganizations } from "@sekuire/core/organizations";
import { json } from "../../json.js";
import { authedProcedure } from "../../trpc.js";

/** The organizations the caller belongs to, with the caller's role in each. */
export const listProcedure = authedProcedure.query(({ ctx }) =>
  json(listOrganizations(ctx.db, ctx.principal)),
);
