/**
 * The decision API's OpenAPI 3.1 document, generated from the contracts' zod schemas by
 * zod-openapi (schemas carrying `.meta({ id })` become components). The decision API serves it at
 * `/v1/openapi.json`. A separate entry point, so clients of the schemas do not load the generator.
 */
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { approvalStateSchema, approvalWaitSchema } from "../approvals.js";
import {
  batchRequestSchema,
  batchResponseSchema,
  decisionRequestSchema,
  decisionResponseSchema,
  unavailableResponseSchema,
  usageReportSchema,
} from "../decisions.js";
import { type ErrorCode, errorEnvelopeSchema, httpStatusOf } from "../errors.js";

type Document = ReturnType<typeof createDocument>;

const json = <S extends z.ZodType>(schema: S) => ({ "application/json": { schema } });

const ERROR_DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: "The body is malformed or invalid; details name each bad field.",
  UNAUTHORIZED: "No API key, or one that is not known.",
  FORBIDDEN: "The API key is revoked or expired.",
  NOT_FOUND: "Nothing of this id belongs to the key's workspace.",
  PAYLOAD_TOO_LARGE: "The body is larger than the server accepts.",
  UNSUPPORTED_MEDIA_TYPE: "The body is not application/json.",
  TOO_MANY_REQUESTS: "This key sends too many requests; see Retry-After.",
};

function errors(...codes: ErrorCode[]) {
  return Object.fromEntries(
    codes.map((code) => [
      String(httpStatusOf(code)),
      { description: ERROR_DESCRIPTIONS[code] ?? code, content: json(errorEnvelopeSchema) },
    ]),
  );
}

const unavailable = {
  "503": {
    description: "It cannot decide safely (a store is down): the answer is still Deny.",
    content: json(unavailableResponseSchema),
  },
};

const commonErrors = ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "TOO_MANY_REQUESTS"] as const;
const bodyErrors = [...commonErrors, "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"] as const;

const idempotencyKey = z.string().max(200).optional().meta({
  description: "A retry with the same key returns the first answer and records nothing twice.",
});

export function openApiDocument(options: { serverUrl?: string } = {}): Document {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Sekuire decision API",
      version: "1.0.0",
      description:
        "What agents call before every action. Every error reads { error: { code, message, requestId, details? } }.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An agent API key (sek_live_…)." },
      },
    },
    paths: {
      "/v1/decisions": {
        post: {
          summary: "Decide one action",
          requestParams: { header: z.object({ "idempotency-key": idempotencyKey }) },
          requestBody: { required: true, content: json(decisionRequestSchema) },
          responses: {
            "200": { description: "The decision.", content: json(decisionResponseSchema) },
            ...errors(...bodyErrors),
            ...unavailable,
          },
        },
      },
      "/v1/decisions/batch": {
        post: {
          summary: "Decide up to 100 actions, each as if sent alone",
          requestParams: { header: z.object({ "idempotency-key": idempotencyKey }) },
          requestBody: { required: true, content: json(batchRequestSchema) },
          responses: {
            "200": {
              description: "One decision per request, in order.",
              content: json(batchResponseSchema),
            },
            ...errors(...bodyErrors),
            ...unavailable,
          },
        },
      },
      "/v1/decisions/{id}/complete": {
        post: {
          summary: "Report an allowed action done: releases its slot and settles its cost",
          requestParams: { path: z.object({ id: z.string() }) },
          requestBody: { required: true, content: json(usageReportSchema) },
          responses: {
            "204": { description: "Recorded." },
            ...errors(...bodyErrors, "NOT_FOUND"),
          },
        },
      },
      "/v1/approvals/{id}": {
        get: {
          summary: "Read an approval request, waiting up to waitSeconds for a decision",
          requestParams: {
            path: z.object({ id: z.string() }),
            query: z.object({ waitSeconds: approvalWaitSchema.optional() }),
          },
          responses: {
            "200": { description: "Its state.", content: json(approvalStateSchema) },
            ...errors(...commonErrors, "NOT_FOUND"),
          },
        },
      },
    },
  });
}
