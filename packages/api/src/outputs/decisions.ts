// The decision explorer's outputs: the export's record line plus the names shown beside it.
import { decisionExportLineSchema } from "@sekuire/contracts";
import { z } from "zod";
import { at } from "./common.js";

export const decisionItemOutput = decisionExportLineSchema.strict().extend({
  workspaceName: z.string().nullable(),
  agentName: z.string().nullable(),
});

export const decisionPageOutput = z.strictObject({
  items: z.array(decisionItemOutput),
  nextCursor: z.string().nullable(),
});

const counts = {
  Allow: z.number().int(),
  Deny: z.number().int(),
  RequireApproval: z.number().int(),
};

export const decisionStatsOutput = z.strictObject({
  range: z.enum(["24h", "7d"]),
  unit: z.enum(["hour", "day"]),
  from: at,
  to: at,
  buckets: z.array(z.strictObject({ start: at, ...counts })),
  totals: z.strictObject(counts),
  topDenied: z.array(z.strictObject({ action: z.string(), count: z.number().int() })),
});
