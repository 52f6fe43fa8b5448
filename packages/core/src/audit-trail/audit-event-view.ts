export interface AuditEventView {
  id: string;
  actorType: "user" | "admin_token" | "system";
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

export const auditEventSelect = {
  id: true,
  actorType: true,
  actorUserId: true,
  actorTokenId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  details: true,
  ip: true,
  userAgent: true,
  createdAt: true,
} as const;
