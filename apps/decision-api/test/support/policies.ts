/** Policy documents the decision-api tests decide against. */

export interface DocumentOptions {
  include?: string[];
  required?: boolean;
  approval?: string[];
  extra?: object[];
  limits?: Record<string, unknown>;
}

/** Reads and writes under /srv allowed, deletes denied, file:Write behind an admin's approval. */
export function document(options: DocumentOptions = {}): string {
  return JSON.stringify({
    Version: "2024-12-02",
    Statement: [
      { Sid: "ReadSrv", Effect: "Allow", Action: "file:Read", Resource: "file:///srv/*" },
      { Sid: "WriteSrv", Effect: "Allow", Action: "file:Write", Resource: "file:///srv/*" },
      { Sid: "NoDeletes", Effect: "Deny", Action: "db:Delete", Resource: "*" },
      ...(options.extra ?? []),
    ],
    ...(options.limits ? { ResourceLimits: options.limits } : {}),
    RequireApproval: {
      Actions: options.approval ?? ["file:Write"],
      ApproverRole: "admin",
      TimeoutSeconds: 600,
    },
    AuditLog: {
      Required: options.required ?? true,
      RetentionDays: 30,
      Include: options.include ?? ["all_actions", "outcomes", "resources", "context", "timestamps"],
    },
  });
}
