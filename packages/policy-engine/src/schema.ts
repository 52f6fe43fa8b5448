/**
 * A JSON Schema (2020-12) of the policy document for editors: completion, hover docs and the
 * structural checks. It is built from the same tables the validator uses, so the two cannot drift;
 * the validator still checks what a schema cannot (canonical resources, typed condition values).
 */
import { OPERATOR_NAMES, QUANTIFIERS } from "./conditions/registry.js";
import { MAX_LIST_VALUES, MAX_PATTERN_LENGTH, MAX_STATEMENTS } from "./limits.js";
import { LIMIT_FIELDS } from "./validate/limits.js";
import {
  APPROVER_ROLES,
  AUDIT_INCLUDES,
  MAX_RETENTION_DAYS,
  MAX_TIMEOUT_SECONDS,
} from "./validate/settings.js";

const pattern = { type: "string", minLength: 1, maxLength: MAX_PATTERN_LENGTH };
const patterns = {
  oneOf: [pattern, { type: "array", items: pattern, minItems: 1, maxItems: MAX_LIST_VALUES }],
};
const scalar = { type: ["string", "number", "boolean"] };
const conditionValues = {
  oneOf: [scalar, { type: "array", items: scalar, minItems: 1, maxItems: MAX_LIST_VALUES }],
};

const operatorNames = OPERATOR_NAMES.flatMap((op) =>
  op === "Null"
    ? [op]
    : [op, `${op}IfExists`, ...QUANTIFIERS.flatMap((q) => [`${q}:${op}`, `${q}:${op}IfExists`])],
);

const statement = {
  type: "object",
  additionalProperties: false,
  required: ["Effect"],
  properties: {
    Sid: { type: "string", minLength: 1, description: "Optional id, unique within the policy" },
    Effect: { enum: ["Allow", "Deny"] },
    Action: { ...patterns, description: "Actions such as file:Read, db:*, tool:bash:execute" },
    NotAction: patterns,
    Resource: { ...patterns, description: "URI-like resources such as file://workspace/* or *" },
    NotResource: patterns,
    Condition: {
      type: "object",
      minProperties: 1,
      propertyNames: { enum: operatorNames },
      additionalProperties: {
        type: "object",
        minProperties: 1,
        additionalProperties: conditionValues,
      },
    },
  },
  allOf: [
    { oneOf: [{ required: ["Action"] }, { required: ["NotAction"] }] },
    { oneOf: [{ required: ["Resource"] }, { required: ["NotResource"] }] },
  ],
};

const limitValue = { type: ["string", "number"] };

export const policyJsonSchema = Object.freeze({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://sekuire.dev/schemas/policy-2024-12-02.json",
  title: "Sekuire policy",
  type: "object",
  additionalProperties: false,
  required: ["Version", "Statement"],
  properties: {
    Version: { const: "2024-12-02" },
    Description: { type: "string" },
    Statement: {
      oneOf: [
        statement,
        { type: "array", items: statement, minItems: 1, maxItems: MAX_STATEMENTS },
      ],
    },
    ResourceLimits: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(LIMIT_FIELDS.map((f) => [f, limitValue])),
    },
    RequireApproval: {
      type: "object",
      additionalProperties: false,
      required: ["Actions"],
      properties: {
        Actions: patterns,
        ApproverRole: { enum: [...APPROVER_ROLES] },
        TimeoutSeconds: { type: "integer", minimum: 1, maximum: MAX_TIMEOUT_SECONDS },
        NotificationChannels: {
          type: "array",
          minItems: 1,
          items: {
            oneOf: [
              { const: "email" },
              {
                type: "object",
                additionalProperties: false,
                required: ["Type", "Url"],
                properties: {
                  Type: { const: "webhook" },
                  Url: { type: "string", format: "uri" },
                },
              },
            ],
          },
        },
      },
    },
    AuditLog: {
      type: "object",
      additionalProperties: false,
      properties: {
        Required: { type: "boolean" },
        RetentionDays: { type: "integer", minimum: 1, maximum: MAX_RETENTION_DAYS },
        Include: {
          oneOf: [
            { enum: [...AUDIT_INCLUDES] },
            { type: "array", minItems: 1, items: { enum: [...AUDIT_INCLUDES] } },
          ],
        },
        RedactPII: { type: "boolean" },
      },
    },
  },
});
