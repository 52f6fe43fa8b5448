import { describe, expect, it } from "vitest";
import {
  ERROR_CODES,
  ERROR_TABLE,
  errorCodeOfStatus,
  errorEnvelope,
  errorEnvelopeSchema,
  errorResponse,
  httpStatusOf,
} from "../src/index.js";

describe("the error table", () => {
  it("gives every code one HTTP status, and reads each status back as its code", () => {
    const statuses = ERROR_CODES.map(httpStatusOf);
    expect(new Set(statuses).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(errorCodeOfStatus(httpStatusOf(code))).toBe(code);
    expect(errorCodeOfStatus(502)).toBe("INTERNAL_SERVER_ERROR");
    expect(errorCodeOfStatus(418)).toBe("BAD_REQUEST");
  });

  it("names tRPC's code of the same name", () => {
    for (const code of ERROR_CODES) expect(ERROR_TABLE[code].trpc).toBe(code);
  });
});

describe("the envelope", () => {
  it("leaves out empty details and validates against its schema", () => {
    const bare = errorEnvelope("NOT_FOUND", "Agent was not found.", "req_1");
    expect(bare).toEqual({
      error: { code: "NOT_FOUND", message: "Agent was not found.", requestId: "req_1" },
    });
    expect(errorEnvelope("BAD_REQUEST", "x", null, [])).not.toHaveProperty("error.details");
    const detailed = errorEnvelope("BAD_REQUEST", "Bad.", null, [{ pointer: "/a", message: "m" }]);
    expect(errorEnvelopeSchema.parse(detailed)).toEqual(detailed);
  });

  it("refuses a body that is not an envelope", () => {
    expect(errorEnvelopeSchema.safeParse({ error: { message: "x" } }).success).toBe(false);
    expect(errorEnvelopeSchema.safeParse({ error: "x", pointer: "/a" }).success).toBe(false);
  });

  it("becomes a Response with the code's status and the request id header", async () => {
    const response = errorResponse("PAYLOAD_TOO_LARGE", "Too big.", {
      requestId: "req_9",
      headers: { "retry-after": "1" },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("x-request-id")).toBe("req_9");
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "Too big.", requestId: "req_9" },
    });
  });
});
