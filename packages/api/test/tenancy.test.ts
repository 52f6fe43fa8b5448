/**
 * Tenant isolation and roles, for every procedure of the router (the table in
 * support/procedures.ts): another organization's ids are NOT_FOUND or FORBIDDEN, a viewer cannot
 * write, and nobody unauthenticated gets past the door.
 */
import type { Principal } from "@sekuire/core/access";
import { verifyAdminToken } from "@sekuire/core/admin-tokens";
import { useTestDatabase } from "@sekuire/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callPath, PROCEDURES, routerProcedures } from "./support/procedures.js";
import { buildWorld, callerFor, expectTRPCError, type World } from "./support/world.js";

const database = useTestDatabase();
let a: World;
let b: World;
let aToken: Principal;

beforeAll(async () => {
  a = await buildWorld(database.db, "Org A");
  b = await buildWorld(database.db, "Org B");
  const verified = await verifyAdminToken(database.db, a.adminTokenSecret);
  if (!verified) throw new Error("org A's admin token does not verify");
  aToken = verified;
}, 60_000);

const procedures = routerProcedures();
const rows = Object.entries(PROCEDURES);
const crossTenantRows = rows.filter(([, row]) => !row.noForeignId);
const idRows = crossTenantRows.filter(([, row]) => row.names === "ids");
const writes = rows.filter(([path, row]) => procedures.get(path) === "mutation" && !row.viewerMay);
const reads = rows.filter(([path]) => procedures.get(path) === "query");
const viewerReads = reads.filter(([, row]) => !row.readNeeds);
const restrictedReads = reads.filter(([, row]) => row.readNeeds);

describe("the procedure table", () => {
  it("has exactly one row per procedure of the router", () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual([...procedures.keys()].sort());
  });

  it("only lets a viewer through on writes it names with a reason", () => {
    const allowed = rows.filter(([, row]) => row.viewerMay).map(([path]) => path);
    expect(allowed.sort()).toEqual([
      "members.invitations.accept",
      "members.leave",
      "organizations.create",
    ]);
  });
});

describe("another organization's ids", () => {
  it.each(crossTenantRows)(
    "%s: a member of A naming B's organization gets NOT_FOUND or FORBIDDEN",
    async (path, row) => {
      await expectTRPCError(callPath(callerFor(database.db, a.owner), path, row.input(b)), [
        "NOT_FOUND",
        "FORBIDDEN",
      ]);
    },
  );

  it.each(idRows)(
    "%s: a member of A naming B's objects under A's own organization id gets NOT_FOUND or FORBIDDEN",
    async (path, row) => {
      const input = row.input({ ...b, organizationId: a.organizationId });
      await expectTRPCError(callPath(callerFor(database.db, a.owner), path, input), [
        "NOT_FOUND",
        "FORBIDDEN",
      ]);
    },
  );

  it.each(crossTenantRows)(
    "%s: org A's admin token naming B's objects gets NOT_FOUND or FORBIDDEN",
    async (path, row) => {
      const caller = callerFor(database.db, aToken);
      await expectTRPCError(callPath(caller, path, row.input(b)), ["NOT_FOUND", "FORBIDDEN"]);
      if (row.names === "ids")
        await expectTRPCError(
          callPath(caller, path, row.input({ ...b, organizationId: a.organizationId })),
          ["NOT_FOUND", "FORBIDDEN"],
        );
    },
  );

  it("organizations.list shows a member only their own organizations", async () => {
    const listed = await callerFor(database.db, a.owner).organizations.list();
    expect(listed.map((o) => o.id)).toEqual([a.organizationId]);
    const byToken = await callerFor(database.db, aToken).organizations.list();
    expect(byToken.map((o) => o.id)).toEqual([a.organizationId]);
  });

  it("organizations.create makes an organization no other organization's member can see", async () => {
    const created = await callerFor(database.db, a.viewer).organizations.create({ name: "Side" });
    expect(created.role).toBe("owner");
    const seenByB = await callerFor(database.db, b.owner).organizations.list();
    expect(seenByB.map((o) => o.id)).not.toContain(created.id);
    await expectTRPCError(
      callerFor(database.db, b.owner).workspaces.list({ organizationId: created.id }),
      "NOT_FOUND",
    );
  });

  it("B's data is unchanged after every attempt", async () => {
    const asB = callerFor(database.db, b.owner);
    const workspace = await asB.workspaces.get({
      organizationId: b.organizationId,
      workspaceId: b.workspaceId,
    });
    expect(workspace.name).toBe("Production");
    const agent = await asB.agents.get({ organizationId: b.organizationId, agentId: b.agentId });
    expect(agent.frozen).toBe(false);
    const keys = await asB.apiKeys.list({ organizationId: b.organizationId, agentId: b.agentId });
    expect(keys.map((k) => k.status)).toEqual(["active"]);
    const versions = await asB.policies.listVersions({
      organizationId: b.organizationId,
      policyId: b.policyId,
    });
    expect(versions).toHaveLength(2);
    const requests = await asB.policies.listPublishRequests({ organizationId: b.organizationId });
    expect(requests.map((r) => r.status)).toEqual(["pending"]);
    const members = await asB.members.list({ organizationId: b.organizationId });
    expect(members).toHaveLength(5);
    const invitations = await asB.members.invitations.list({ organizationId: b.organizationId });
    expect(invitations).toHaveLength(1);
  });
});

describe("roles", () => {
  it.each(writes)("%s: a viewer gets FORBIDDEN", async (path, row) => {
    await expectTRPCError(
      callPath(callerFor(database.db, a.viewer), path, row.input(a)),
      "FORBIDDEN",
    );
  });

  it.each(restrictedReads)(
    "%s: a viewer gets FORBIDDEN; the role it needs may read",
    async (path, row) => {
      await expectTRPCError(
        callPath(callerFor(database.db, a.viewer), path, row.input(a)),
        "FORBIDDEN",
      );
      const reader =
        row.readNeeds === "owner" ? a.owner : row.readNeeds === "admin" ? a.admin : a.approver;
      await expect(
        callPath(callerFor(database.db, reader), path, row.input(a)),
      ).resolves.toBeDefined();
    },
  );

  it.each(viewerReads)("%s: a viewer may read", async (path, row) => {
    const result = await callPath(callerFor(database.db, a.viewer), path, row.input(a));
    expect(result).toBeDefined();
    // Plain JSON all the way: what the caller gets survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe("unauthenticated callers", () => {
  it.each(rows)("%s: UNAUTHORIZED without a principal", async (path, row) => {
    await expectTRPCError(
      callPath(callerFor(database.db, null), path, row.input(a)),
      "UNAUTHORIZED",
    );
  });
});
