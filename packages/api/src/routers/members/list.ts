import { listMembers, listMembersInput } from "@sekuire/core/members";
import { z } from "zod";
import { json } from "../../json.js";
import { memberOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The organization's members and their roles. */
export const listProcedure = authedProcedure
  .input(listMembersInput)
  .output(z.array(memberOutput))
  .query(({ ctx, input }) => json(listMembers(ctx.db, ctx.principal, input)));
