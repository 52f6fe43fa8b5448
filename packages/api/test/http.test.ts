/**
 * The API over real HTTP, as a script or curl sees it: an admin token in the Authorization
 * header, plain JSON in and out (dates as ISO strings), and errors with the right HTTP status and
 * `{ code, message, requestId, details }` in `error.data`.
 */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { BROKEN_DOCUMENT, useTestDatabase } from "@sekuire/core/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiHandler } from "../src/http.js";
import { createNodeServer } from "../src/node-server.js";
import { requestOrigin } from "../src/origin.js";
import { createCaller } from "../src/router.js";
import { serveApiForFile } from "./support/server.js";
import { buildWorld, type World } from "./support/world.js";

const database = useTestDatabase();
const api = serveApiForFile(() => database.db);
let a: World;
let b: World;

beforeAll(async () => {
  a = await buildWorld(database.db, "Org A");
  b = await buildWorld(database.db, "Org B");
}, 60_000);

function get(path: string, input: unknown, token: string | null = a.adminTokenSecret) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return fetch(`${api.base()}/${path}${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

function post(path: string, body: unknown, token: string | null = a.adminTokenSecret) {
  return fetch(`${api.base()}/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

interface ErrorBody {
  error: {
    message: string;
    data: {
      code: string;
      message: string;
      requestId: string;
      details: { pointer: string; message: string; code?: string; line?: number }[];
      httpStatus: number;
    };
  };
}

async function errorOf(response: Response, status: number, code: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = (await response.json()) as ErrorBody;
  expect(body.error.data).toMatchObject({
    code,
    message: expect.any(String),
    requestId: expect.stringMatching(/^req_/),
    details: expect.any(Array),
    httpStatus: status,
  });
  expect(body.error.data.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

describe("over HTTP with an admin token", () => {
  it("lists workspaces with a GET and plain JSON input; dates are ISO strings", async () => {
    const response = await get("workspaces.list", { organizationId: a.organizationId });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: Record<string, unknown>[] } };
    expect(body.result.data.map((w) => w.id)).toEqual([a.workspaceId]);
    const [workspace] = body.result.data;
    expect(workspace?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("creates a workspace with a POST of a plain JSON body", async () => {
    const response = await post("workspaces.create", {
      organizationId: a.organizationId,
      name: "Created over HTTP",
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { id: string; slug: string } } };
    expect(body.result.data.id).toMatch(/^ws_/);
    expect(body.result.data.slug).toBe("created-over-http");
    const events = await get("audit.list", {
      organizationId: a.organizationId,
      action: "workspace.created",
      targetId: body.result.data.id,
    });
    const page = (await events.json()) as { result: { data: { items: { actorType: string }[] } } };
    expect(page.result.data.items.map((e) => e.actorType)).toEqual(["admin_token"]);
  });

  it("answers another organization's workspace with 404 NOT_FOUND", async () => {
    const response = await get("workspaces.get", {
      organizationId: a.organizationId,
      workspaceId: b.workspaceId,
    });
    const body = await errorOf(response, 404, "NOT_FOUND");
    expect(body.error.data.details).toEqual([]);
  });

  it("answers another organization's id with 404 as well", async () => {
    await errorOf(
      await get("workspaces.list", { organizationId: b.organizationId }),
      404,
      "NOT_FOUND",
    );
  });

  it("names each bad field by JSON Pointer with 400 BAD_REQUEST", async () => {
    const response = await post("workspaces.create", {
      organizationId: a.organizationId,
      name: "",
    });
    const body = await errorOf(response, 400, "BAD_REQUEST");
    expect(body.error.data.details).toEqual([
      expect.objectContaining({ pointer: "/name", message: "Must not be blank." }),
    ]);
  });

  it("names a field of the wrong type, as the declared input reads it, with 400", async () => {
    const response = await post("workspaces.create", { organizationId: a.organizationId, name: 5 });
    const body = await errorOf(response, 400, "BAD_REQUEST");
    expect(body.error.data.message).toBe("The input is not valid.");
    expect(body.error.data.details).toEqual([expect.objectContaining({ pointer: "/name" })]);
  });

  it("returns the engine's findings with their pointers when a publish fails (422)", async () => {
    const response = await post("policies.publish", {
      organizationId: a.organizationId,
      policyId: a.policyId,
      changeNote: "broken",
      document: BROKEN_DOCUMENT,
    });
    const body = await errorOf(response, 422, "UNPROCESSABLE_CONTENT");
    const { details } = body.error.data;
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) {
      expect(detail.pointer.startsWith("/Statement/0")).toBe(true);
      expect(detail).toMatchObject({ code: expect.any(String), line: 3 });
    }
  });

  it("refuses a caller without a token with 401 UNAUTHORIZED", async () => {
    await errorOf(
      await get("workspaces.list", { organizationId: a.organizationId }, null),
      401,
      "UNAUTHORIZED",
    );
  });

  it("refuses a revoked token with 401 UNAUTHORIZED", async () => {
    const created = await post("adminTokens.create", {
      organizationId: a.organizationId,
      name: "short-lived",
      role: "viewer",
    });
    const { result } = (await created.json()) as {
      result: { data: { secret: string; token: { id: string } } };
    };
    const { secret, token } = result.data;
    expect(
      (await get("workspaces.list", { organizationId: a.organizationId }, secret)).status,
    ).toBe(200);
    await post("adminTokens.revoke", { organizationId: a.organizationId, tokenId: token.id });
    await errorOf(
      await get("workspaces.list", { organizationId: a.organizationId }, secret),
      401,
      "UNAUTHORIZED",
    );
  });

  it("keeps a viewer token from writing (403 FORBIDDEN)", async () => {
    const created = await post("adminTokens.create", {
      organizationId: a.organizationId,
      name: "read-only",
      role: "viewer",
    });
    const { result } = (await created.json()) as { result: { data: { secret: string } } };
    await errorOf(
      await post(
        "workspaces.create",
        { organizationId: a.organizationId, name: "Nope" },
        result.data.secret,
      ),
      403,
      "FORBIDDEN",
    );
  });

  it("echoes a caller's x-request-id", async () => {
    const response = await fetch(
      `${api.base()}/workspaces.list?input=${encodeURIComponent(JSON.stringify({ organizationId: b.organizationId }))}`,
      { headers: { authorization: `Bearer ${a.adminTokenSecret}`, "x-request-id": "script-42" } },
    );
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data.requestId).toBe("script-42");
  });
});

describe("the audit trail records where a change came from", () => {
  const servers: Server[] = [];

  /** A server built the way a deployment builds it: trust taken from SEKUIRE_TRUST_PROXY. */
  async function serve(trustProxy: string): Promise<string> {
    vi.stubEnv("SEKUIRE_TRUST_PROXY", trustProxy);
    try {
      const server = createNodeServer(createApiHandler({ db: database.db }));
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
    } finally {
      vi.unstubAllEnvs();
    }
  }

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  async function createOver(url: string, name: string, headers: Record<string, string>) {
    const response = await fetch(`${url}/workspaces.create`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${a.adminTokenSecret}`,
        ...headers,
      },
      body: JSON.stringify({ organizationId: a.organizationId, name }),
    });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { data: { id: string } } };
    const event = await database.db.adminAuditEvent.findFirstOrThrow({
      where: {
        organizationId: a.organizationId,
        action: "workspace.created",
        targetId: result.data.id,
      },
    });
    return { ip: event.ip, userAgent: event.userAgent };
  }

  it("the socket's address and the User-Agent; X-Forwarded-For is ignored by default", async () => {
    const url = await serve("");
    expect(
      await createOver(url, "From a script", {
        "user-agent": "sekuire-cli/0.9 (http test)",
        "x-forwarded-for": "198.51.100.77",
      }),
    ).toEqual({ ip: "127.0.0.1", userAgent: "sekuire-cli/0.9 (http test)" });
  });

  it("behind SEKUIRE_TRUST_PROXY=1, the address the proxy appended, not one the client sent", async () => {
    const url = await serve("1");
    expect(
      await createOver(url, "Through a proxy", {
        "user-agent": "Mozilla/5.0 (proxied)",
        "x-forwarded-for": "10.66.66.66, 198.51.100.77",
      }),
    ).toEqual({ ip: "198.51.100.77", userAgent: "Mozilla/5.0 (proxied)" });
  });

  it("cuts a long User-Agent to 512 characters", async () => {
    const url = await serve("0");
    const recorded = await createOver(url, "Long agent", { "user-agent": "z".repeat(4000) });
    expect(recorded).toEqual({ ip: "127.0.0.1", userAgent: "z".repeat(512) });
  });

  it("a server-side caller (the console) gives the origin in the context", async () => {
    const caller = createCaller({
      db: database.db,
      principal: a.admin,
      requestId: "req_console_test",
      origin: requestOrigin(new Headers({ "user-agent": "Mozilla/5.0 (console)" }), "192.0.2.44"),
    });
    const workspace = await caller.workspaces.create({
      organizationId: a.organizationId,
      name: "From the console",
    });
    const event = await database.db.adminAuditEvent.findFirstOrThrow({
      where: {
        organizationId: a.organizationId,
        action: "workspace.created",
        targetId: workspace.id,
      },
    });
    expect({ ip: event.ip, userAgent: event.userAgent }).toEqual({
      ip: "192.0.2.44",
      userAgent: "Mozilla/5.0 (console)",
    });
  });
});
