import { verifyChain, verifyChainInput } from "@sekuire/core/decisions";
import { z } from "zod";
import { json } from "../../json.js";
import { authedProcedure } from "../../trpc.js";

/** the last record retention deleted from the chain's start: verification began after it */
const prunedThrough = z.string().optional();

const chainReportOutput = z.union([
  z.strictObject({ ok: z.literal(true), records: z.number().int(), prunedThrough }),
  z.strictObject({
    ok: z.literal(false),
    records: z.number().int(),
    prunedThrough,
    brokenAt: z.strictObject({
      seq: z.string(),
      id: z.string().nullable(),
      problem: z.enum(["hash", "link", "gap", "checkpoint"]),
    }),
  }),
]);

/**
 * Checks a workspace's hash-chained decision records from retention's signed checkpoint on;
 * reports the first broken link.
 */
export const verifyChainProcedure = authedProcedure
  .input(verifyChainInput)
  .output(chainReportOutput)
  .query(({ ctx, input }) => json(verifyChain(ctx.db, ctx.principal, input)));
