import { verifyChain, verifyChainInput } from "@sekuire/core/decisions";
import { z } from "zod";
import { json } from "../../json.js";
import { authedProcedure } from "../../trpc.js";

const chainReportOutput = z.union([
  z.strictObject({ ok: z.literal(true), records: z.number().int() }),
  z.strictObject({
    ok: z.literal(false),
    records: z.number().int(),
    brokenAt: z.strictObject({
      seq: z.string(),
      id: z.string().nullable(),
      problem: z.enum(["hash", "link", "gap"]),
    }),
  }),
]);

/** Checks a workspace's hash-chained decision records; reports the first broken link. */
export const verifyChainProcedure = authedProcedure
  .input(verifyChainInput)
  .output(chainReportOutput)
  .query(({ ctx, input }) => json(verifyChain(ctx.db, ctx.principal, input)));
