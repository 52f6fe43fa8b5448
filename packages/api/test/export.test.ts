/**
 * The decision export: JSON lines streamed over HTTP for an admin token (every page, in order,
 * each line a valid `sekuire.decision/v1` record), the same lines as tRPC pages with a cursor,
 * and refusals with their status before any line.
 */
import type { AddressInfo } from "node:net";
import { decisionExportLineSchema } from "@sekuire/contracts";
import { type DecisionRecordInput, writeBatch } from "@sekuire/core/decisions";
import { useTestDatabase } from "@sekuire/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExportHandler } from "../src/export-handler.js";
import { createNodeServer } from "../src/node-server.js";
import { buildWorld, callerFor, expectTRPCError, type World } from "./support/world.js";

const database = useTestDatabase();
let server: ReturnType<typeof createNodeServer>;
let base = "";
let a: World;
let b: World;
const RECORDS = 1203;

beforeAll(async () => {
  server = createNodeServer(createExportHandler({ db: database.db }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  a = await buildWorld(database.db, "Org A");
  b = await buildWorld(database.db, "Org B");
  const start = Date.parse("2026-12-01T00:00:00Z");
  const records: DecisionRecordInput[] = Array.from({ length: RECORDS }, (_, i) => ({
    organizationId: a.organizationId,
    workspaceId: a.workspaceId,
    agentId: a.agentId,
    apiKeyId: a.keyId,
    requestId: `req_${i}`,
    action: "file:read",
    resource: `file:///srv/${i}`,
    decision: i % 3 === 0 ? "Deny" : "Allow",
    reason: i % 3 === 0 ? "ExplicitDeny" : "ExplicitAllow",
    matched: [],
    approvalId: null,
    context: { i },
    details: null,
    latencyUs: 100,
    retentionDays: 30,
    createdAt: new Date(start + Math.floor(i / 2) * 1000), // pairs share a timestamp
  }));
  for (let i = 0; i < records.length; i += 400)
    await writeBatch(database.db.$sql, records.slice(i, i + 400));
  // B's records for the CSV: cells an attacker controls (the request id, a resource that is no
  // URI, so it is kept as sent) that a spreadsheet would run as formulas.
  await writeBatch(database.db.$sql, [
    {
      ...(records[0] as DecisionRecordInput),
      organizationId: b.organizationId,
      workspaceId: b.workspaceId,
      agentId: b.agentId,
      apiKeyId: b.keyId,
      requestId: '=HYPERLINK("http://evil.example","x")',
      resource: "@SUM(A1)",
      decision: "Deny",
      reason: "ImplicitDeny",
      context: { note: 'a "quoted", comma' },
      createdAt: new Date(start),
    },
  ]);
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const exportUrl = (query: Record<string, string>) =>
  `${base}/api/v1/decisions/export?${new URLSearchParams(query)}`;

describe("GET /api/v1/decisions/export", () => {
  it("streams every record as one JSON line, oldest first, across pages", async () => {
    const response = await fetch(exportUrl({ organizationId: a.organizationId }), {
      headers: { authorization: `Bearer ${a.adminTokenSecret}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trimEnd().split("\n");
    // The world's own record (made now) comes last, oldest first; it is the chain's first.
    expect(lines).toHaveLength(RECORDS + 1);
    const records = lines.map((l) => decisionExportLineSchema.parse(JSON.parse(l)));
    expect(records.map((r) => Number(r.seq))).toEqual([
      ...Array.from({ length: RECORDS }, (_, i) => i + 2),
      1,
    ]);
    expect(records[0]).toMatchObject({ schema: "sekuire.decision/v1", requestId: "req_0" });
    expect(records.at(-1)?.id).toBe(a.decisionId);
  });

  it("filters by time", async () => {
    const response = await fetch(
      exportUrl({
        organizationId: a.organizationId,
        workspaceId: a.workspaceId,
        from: "2026-12-01T00:00:10Z",
        to: "2026-12-01T00:00:20Z",
      }),
      { headers: { authorization: `Bearer ${a.adminTokenSecret}` } },
    );
    expect((await response.text()).trimEnd().split("\n")).toHaveLength(20);
  });

  it("refuses before any line: no token 401, a viewer's token 403, another org's workspace 404", async () => {
    expect((await fetch(exportUrl({ organizationId: a.organizationId }))).status).toBe(401);
    const viewer = await callerFor(database.db, a.owner).adminTokens.create({
      organizationId: a.organizationId,
      name: "read-only",
      role: "viewer",
    });
    const asViewer = await fetch(exportUrl({ organizationId: a.organizationId }), {
      headers: { authorization: `Bearer ${viewer.secret}` },
    });
    expect(asViewer.status).toBe(403);
    const foreign = await fetch(
      exportUrl({ organizationId: a.organizationId, workspaceId: b.workspaceId }),
      { headers: { authorization: `Bearer ${a.adminTokenSecret}` } },
    );
    expect(foreign.status).toBe(404);
    const bad = await fetch(exportUrl({ organizationId: a.organizationId, from: "yesterday" }), {
      headers: { authorization: `Bearer ${a.adminTokenSecret}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { details: [{ pointer: "/from" }] } });
    const format = await fetch(exportUrl({ organizationId: a.organizationId, format: "xlsx" }), {
      headers: { authorization: `Bearer ${a.adminTokenSecret}` },
    });
    expect(format.status).toBe(400);
    expect(await format.json()).toMatchObject({ error: { details: [{ pointer: "/format" }] } });
  });

  it("filters as the explorer does, empty parameters ignored", async () => {
    const response = await fetch(
      exportUrl({
        organizationId: a.organizationId,
        decision: "Deny",
        action: "file:*",
        resource: "file:///srv/1*",
        agentId: "",
      }),
      { headers: { authorization: `Bearer ${a.adminTokenSecret}` } },
    );
    const records = (await response.text())
      .trimEnd()
      .split("\n")
      .map((l) => decisionExportLineSchema.parse(JSON.parse(l)));
    // i % 3 === 0 and the resource starts with /srv/1: 12, 15, 18, 102, …, 1200
    const expected = Array.from({ length: RECORDS }, (_, i) => i).filter(
      (i) => i % 3 === 0 && String(i).startsWith("1"),
    );
    expect(records.map((r) => r.requestId)).toEqual(expected.map((i) => `req_${i}`));
  });

  it("streams CSV: a header, RFC 4180 quoting, formula cells defused", async () => {
    const response = await fetch(
      exportUrl({ organizationId: b.organizationId, format: "csv", reason: "ImplicitDeny" }),
      { headers: { authorization: `Bearer ${b.adminTokenSecret}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toContain('filename="decisions.csv"');
    const text = await response.text();
    const [header, ...rows] = text.split("\r\n");
    expect(header).toBe(
      "id,organizationId,workspaceId,seq,time,agentId,apiKeyId,requestId,action,resource,decision,reason,matched,approvalId,context,details,latencyUs,retentionUntil,prevHash,hash",
    );
    expect(rows.at(-1)).toBe(""); // the last row ends in CRLF too
    const nasty = rows.find((r) => r.includes("HYPERLINK")) ?? "";
    expect(nasty).toContain(
      `,"'=HYPERLINK(""http://evil.example"",""x"")",file:read,'@SUM(A1),Deny,`,
    );
    expect(nasty).toContain(`"{""note"":""a \\""quoted\\"", comma""}"`);
  });
});

describe("tRPC decisions.export", () => {
  it("gives the same lines as pages with a cursor", async () => {
    const caller = callerFor(database.db, a.admin);
    let cursor: string | undefined;
    let total = 0;
    let pages = 0;
    do {
      const page = await caller.decisions.export({
        organizationId: a.organizationId,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      total += page.lines.length;
      pages += 1;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(total).toBe(RECORDS + 1);
    expect(pages).toBe(2);
    await expectTRPCError(
      caller.decisions.export({ organizationId: a.organizationId, cursor: "garbage" }),
      "BAD_REQUEST",
    );
  });
});
