import { z } from "zod";
import { at, atOrNull, roleSchema } from "./common.js";

export const organizationOutput = z.strictObject({
  id: z.string(),
  name: z.string(),
  requireFourEyes: z.boolean(),
  role: roleSchema,
  createdAt: at,
});

export const memberOutput = z.strictObject({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  joinedAt: at,
});

export const invitationOutput = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: at,
  createdAt: at,
  invitedById: z.string().nullable(),
});

/** The token is shown once, here. */
export const createdInvitationOutput = z.strictObject({
  invitation: invitationOutput,
  token: z.string(),
});

export const acceptedInvitationOutput = z.strictObject({
  organizationId: z.string(),
  role: roleSchema,
});

export const adminTokenOutput = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  display: z.string(),
  prefix: z.string(),
  lastFour: z.string(),
  status: z.enum(["active", "revoked", "expired"]),
  expiresAt: atOrNull,
  revokedAt: atOrNull,
  lastUsedAt: atOrNull,
  createdById: z.string().nullable(),
  createdAt: at,
});

/** The secret is shown once, here. */
export const createdAdminTokenOutput = z.strictObject({
  token: adminTokenOutput,
  secret: z.string(),
});

export const auditEventPageOutput = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.string(),
      actorType: z.enum(["user", "admin_token", "system"]),
      actorUserId: z.string().nullable(),
      actorTokenId: z.string().nullable(),
      actorLabel: z.string().nullable(),
      action: z.string(),
      targetType: z.string().nullable(),
      targetId: z.string().nullable(),
      details: z.unknown(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      createdAt: at,
    }),
  ),
  nextCursor: z.string().nullable(),
});
