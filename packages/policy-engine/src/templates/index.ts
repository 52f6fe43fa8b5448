/**
 * The three seed templates, verbatim from the product document (text and descriptions).
 * They are not "fixed": the HIPAA template draws lint warnings on purpose, and golden tests pin them.
 */

export type TemplateId = "development" | "production" | "hipaa";

export interface PolicyTemplate {
  id: TemplateId;
  title: string;
  /** the gallery description from the product document */
  description: string;
  /** the document as written in the product document */
  text: string;
}

const development: PolicyTemplate = {
  id: "development",
  title: "Development Policy",
  description:
    "Permissive policy for development environments with read/write access and moderate limits",
  text: `{
  "Version": "2024-12-02",
  "Description": "Permissive policy for development environments",
  "Statement": [
    {
      "Sid": "AllowAllRead",
      "Effect": "Allow",
      "Action": [
        "file:Read",
        "file:List",
        "api:Get",
        "db:Select"
      ],
      "Resource": "*"
    },
    {
      "Sid": "AllowSafeWrites",
      "Effect": "Allow",
      "Action": [
        "file:Write",
        "api:Post"
      ],
      "Resource": [
        "file://workspace/tmp/*",
        "https://api.staging.example.com/*"
      ]
    }
  ],
  "ResourceLimits": {
    "MaxExecutionTime": "600s",
    "MaxTokens": 50000,
    "MaxCostPerHour": "$10.00",
    "MaxMemory": "8GB"
  },
  "AuditLog": {
    "Required": true,
    "RetentionDays": 30,
    "Include": [
      "all_actions",
      "outcomes"
    ]
  }
}`,
};

const production: PolicyTemplate = {
  id: "production",
  title: "Production Policy",
  description:
    "Restricted policy for production with read-only access, approval requirements, and strict limits",
  text: `{
  "Version": "2024-12-02",
  "Description": "Restricted policy for production environments",
  "Statement": [
    {
      "Sid": "AllowReadOnly",
      "Effect": "Allow",
      "Action": [
        "file:Read",
        "api:Get",
        "db:Select"
      ],
      "Resource": "*",
      "Condition": {
        "IpAddress": {
          "source.ip": [
            "10.0.0.0/8",
            "172.16.0.0/12"
          ]
        }
      }
    },
    {
      "Sid": "DenyDestructive",
      "Effect": "Deny",
      "Action": [
        "file:Delete",
        "db:Delete",
        "db:Schema"
      ],
      "Resource": "*"
    }
  ],
  "ResourceLimits": {
    "MaxExecutionTime": "300s",
    "MaxTokens": 10000,
    "MaxCostPerHour": "$5.00",
    "MaxMemory": "4GB",
    "MaxConcurrentRequests": 5
  },
  "RequireApproval": {
    "Actions": [
      "db:Update",
      "db:Insert",
      "file:Write",
      "api:Post",
      "api:Put"
    ],
    "ApproverRole": "admin",
    "TimeoutSeconds": 1800
  },
  "AuditLog": {
    "Required": true,
    "RetentionDays": 90,
    "Include": [
      "all_actions",
      "resources",
      "outcomes",
      "timestamps",
      "context"
    ],
    "RedactPII": true
  }
}`,
};

const hipaa: PolicyTemplate = {
  id: "hipaa",
  title: "HIPAA Compliant Policy",
  description:
    "Healthcare-focused policy with encryption requirements, 7-year audit retention, and strict approval workflows",
  text: `{
  "Version": "2024-12-02",
  "Description": "HIPAA-compliant policy for healthcare data",
  "Statement": [
    {
      "Sid": "AllowEncryptedHealthData",
      "Effect": "Allow",
      "Action": [
        "data:ReadHealth"
      ],
      "Resource": "db://healthcare/*",
      "Condition": {
        "Bool": {
          "encryption.enabled": true
        },
        "StringEquals": {
          "data.classification": "PHI"
        }
      }
    },
    {
      "Sid": "DenyUnencryptedAccess",
      "Effect": "Deny",
      "Action": "*",
      "Resource": "*",
      "Condition": {
        "Bool": {
          "encryption.enabled": false
        }
      }
    }
  ],
  "ResourceLimits": {
    "MaxExecutionTime": "120s",
    "MaxMemory": "2GB"
  },
  "RequireApproval": {
    "Actions": [
      "data:ReadHealth",
      "data:WriteHealth"
    ],
    "ApproverRole": "admin",
    "TimeoutSeconds": 3600
  },
  "AuditLog": {
    "Required": true,
    "RetentionDays": 2555,
    "Include": [
      "all_actions",
      "resources",
      "outcomes",
      "timestamps",
      "context"
    ],
    "RedactPII": false
  }
}`,
};

/** Gallery order: most permissive first. */
export const templates: readonly PolicyTemplate[] = Object.freeze([development, production, hipaa]);

export function getTemplate(id: TemplateId): PolicyTemplate {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`unknown template ${id}`);
  return found;
}
