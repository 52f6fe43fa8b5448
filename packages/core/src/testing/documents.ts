export interface PolicyDocumentOptions {
  /** the statement's Sid; different Sids make different versions */
  sid?: string;
  maxTokens?: number;
  retentionDays?: number;
  /** with `approverRole`, a RequireApproval block, so tests can build policies that merge */
  approvalActions?: string[];
  approverRole?: string;
}

/** A small valid policy document, pretty-printed as the editor would save it. */
export function policyDocument(options: PolicyDocumentOptions = {}): string {
  const document: Record<string, unknown> = {
    Version: "2024-12-02",
    Statement: [
      {
        Sid: options.sid ?? "AllowRead",
        Effect: "Allow",
        Action: "file:Read",
        Resource: "file://workspace/*",
      },
    ],
    ResourceLimits: { MaxTokens: options.maxTokens ?? 1000 },
    AuditLog: { Required: true, RetentionDays: options.retentionDays ?? 30 },
  };
  if (options.approvalActions)
    document.RequireApproval = {
      Actions: options.approvalActions,
      ...(options.approverRole ? { ApproverRole: options.approverRole } : {}),
    };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A document the engine refuses: line 3 holds an invalid Effect and a statement without Action. */
export const BROKEN_DOCUMENT =
  '{\n  "Version": "2024-12-02",\n  "Statement": [{ "Effect": "Maybe" }]\n}';
