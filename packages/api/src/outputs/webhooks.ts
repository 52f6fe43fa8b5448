import { z } from "zod";
import { at, atOrNull } from "./common.js";

export const webhookDeliveryOutput = z.strictObject({
  id: z.string(),
  approvalId: z.string().nullable(),
  event: z.string(),
  url: z.string(),
  status: z.enum(["pending", "sent", "failed"]),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  sentAt: atOrNull,
  createdAt: at,
  updatedAt: at,
});

export const webhookSettingsOutput = z.strictObject({
  secret: z.strictObject({ hint: z.string().nullable(), rotatedAt: atOrNull }),
  deliveries: z.array(webhookDeliveryOutput),
});
