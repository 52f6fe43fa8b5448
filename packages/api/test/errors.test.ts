/**
 * The error model at the edge: unexpected failures are not explained to the caller (but keep
 * their request id), and outputs are plain JSON.
 */
import { ERROR_CODES, httpStatusOf, trpcCodeOf } from "@sekuire/contracts";
import { AppError } from "@sekuire/core/errors";
import type { Db } from "@sekuire/db";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { createApiHandler } from "../src/http.js";
import { toJson } from "../src/json.js";
import { toTRPCError } from "../src/trpc.js";

describe("unexpected errors", () => {
  it("come back as 500 INTERNAL_SERVER_ERROR without their message, and are reported", async () => {
    const broken = new Proxy({} as Db, {
      get() {
        throw new Error("connection refused to 10.0.0.7:5432 as sekuire");
      },
    });
    const reported: string[] = [];
    const handler = createApiHandler({
      db: broken,
      resolvePrincipal: async () => ({
        kind: "user",
        userId: "usr_4021c439afef46e08e4f57bfd3e6d485",
      }),
      onInternalError: (_error, requestId) => reported.push(requestId),
    });
    const input = encodeURIComponent(
      JSON.stringify({ organizationId: "org_4021c439afef46e08e4f57bfd3e6d485" }),
    );
    const response = await handler(
      new Request(`http://localhost/api/trpc/workspaces.list?input=${input}`),
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; data: unknown } };
    expect(JSON.stringify(body)).not.toContain("10.0.0.7");
    expect(body.error.data).toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      details: [],
      requestId: response.headers.get("x-request-id"),
    });
    expect(reported).toEqual([response.headers.get("x-request-id")]);
  });

  it("an unknown procedure is 404 NOT_FOUND in the same shape", async () => {
    const handler = createApiHandler({ db: {} as Db, resolvePrincipal: async () => null });
    const response = await handler(new Request("http://localhost/api/trpc/nothing.here"));
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { data: unknown } };
    expect(body.error.data).toMatchObject({ code: "NOT_FOUND", details: [] });
  });
});

describe("toJson", () => {
  it("turns dates into ISO strings at any depth and drops undefined fields", () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    expect(toJson({ at, list: [{ at }], none: null, skip: undefined, n: 1 })).toEqual({
      at: "2026-01-02T03:04:05.678Z",
      list: [{ at: "2026-01-02T03:04:05.678Z" }],
      none: null,
      n: 1,
    });
  });
});

describe("the error table", () => {
  it("gives each code the HTTP status tRPC gives its own code of that name", () => {
    for (const code of ERROR_CODES) {
      const trpc = new TRPCError({ code: trpcCodeOf(code) });
      expect(getHTTPStatusCodeFromError(trpc), code).toBe(httpStatusOf(code));
    }
  });

  it("an AppError of every code leaves the API with its status and code", () => {
    for (const code of ERROR_CODES) {
      const error = toTRPCError(new AppError(code, "x"));
      expect(getHTTPStatusCodeFromError(error), code).toBe(httpStatusOf(code));
    }
  });
});
