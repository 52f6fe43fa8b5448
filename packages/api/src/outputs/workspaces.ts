import { z } from "zod";
import { at, atOrNull } from "./common.js";

export const workspaceOutput = z.strictObject({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  frozen: z.boolean(),
  frozenAt: atOrNull,
  frozenBy: z.string().nullable(),
  createdAt: at,
  updatedAt: at,
});

export const workspaceListOutput = z.array(
  workspaceOutput.extend({
    agentCount: z.number().int(),
    assignmentCount: z.number().int(),
  }),
);

export const agentOutput = z.strictObject({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  frozen: z.boolean(),
  frozenAt: atOrNull,
  frozenBy: z.string().nullable(),
  createdAt: at,
  updatedAt: at,
});

export const apiKeyOutput = z.strictObject({
  id: z.string(),
  workspaceId: z.string(),
  agentId: z.string(),
  name: z.string().nullable(),
  display: z.string(),
  prefix: z.string(),
  lastFour: z.string(),
  status: z.enum(["active", "rotating", "rotated", "revoked", "expired"]),
  expiresAt: atOrNull,
  revokedAt: atOrNull,
  graceUntil: atOrNull,
  lastUsedAt: atOrNull,
  rotatedFromId: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: at,
});

/** The secret is shown once, here. */
export const createdApiKeyOutput = z.strictObject({ key: apiKeyOutput, secret: z.string() });
export const rotatedApiKeyOutput = createdApiKeyOutput.extend({ previous: apiKeyOutput });
