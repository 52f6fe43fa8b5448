/**
 * The document a blank policy starts from. Drafts must be valid (see drafts.ts), so "blank" is the
 * smallest useful valid policy rather than an empty text: one narrow read permission, audit on,
 * modest limits, everything else denied by default. The author replaces it.
 */
export const BLANK_POLICY_DOCUMENT = `{
  "Version": "2024-12-02",
  "Description": "New policy: everything not allowed below is denied",
  "Statement": [
    {
      "Sid": "AllowReadWorkspaceFiles",
      "Effect": "Allow",
      "Action": ["file:Read", "file:List"],
      "Resource": "file://workspace/*"
    }
  ],
  "ResourceLimits": {
    "MaxExecutionTime": "300s",
    "MaxTokens": 10000
  },
  "AuditLog": {
    "Required": true,
    "RetentionDays": 90,
    "Include": ["all_actions", "outcomes", "timestamps"]
  }
}
`;
