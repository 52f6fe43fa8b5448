import { type ListMembersInput, listMembers } from "@sekuire/core/members";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** The organization's members and their roles. */
export const listProcedure = authedProcedure
  .input(coreInput<ListMembersInput>())
  .query(({ ctx, input }) => json(listMembers(ctx.db, ctx.principal, input)));
