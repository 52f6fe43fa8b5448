import { beforeEach, describe, expect, it } from "vitest";
import { type Db, isId, newId, TenantScopeError } from "../src/index.js";
import { useMigratedDb } from "./support/test-database.js";

const migratedDb = useMigratedDb();
let db: Db;

beforeEach(async () => {
  db = await migratedDb();
});

async function organizationWithWorkspace(name: string) {
  const organization = await db.$unscoped.organization.create({ data: { name } });
  const workspace = await db.workspace.create({
    data: { organizationId: organization.id, name: "Production", slug: "production" },
  });
  return { organization, workspace };
}

describe("the client", () => {
  it("creates and reads rows, filling prefixed ids and timestamps", async () => {
    const { organization, workspace } = await organizationWithWorkspace("Acme");
    expect(isId("org", organization.id)).toBe(true);
    expect(isId("ws", workspace.id)).toBe(true);
    expect(organization.requireFourEyes).toBe(false);
    expect(organization.createdAt).toBeInstanceOf(Date);

    const user = await db.$unscoped.user.create({ data: { email: "ada@example.com" } });
    expect(isId("usr", user.id)).toBe(true);
    await db.membership.create({
      data: { organizationId: organization.id, userId: user.id, role: "owner" },
    });
    const members = await db.membership.findMany({
      where: { organizationId: organization.id },
      include: { user: true },
    });
    expect(members.map((m) => [m.user.email, m.role])).toEqual([["ada@example.com", "owner"]]);
  });

  it("accepts an id chosen by the application", async () => {
    const { organization, workspace } = await organizationWithWorkspace("Chosen ids");
    const id = newId("agt");
    const agent = await db.agent.create({
      data: { id, organizationId: organization.id, workspaceId: workspace.id, name: "bot" },
    });
    expect(agent.id).toBe(id);
  });

  it("refuses a row whose organization differs from its parent's", async () => {
    const { workspace } = await organizationWithWorkspace("Owner of the workspace");
    const other = await db.$unscoped.organization.create({ data: { name: "Someone else" } });
    await expect(
      db.agent.create({
        data: { organizationId: other.id, workspaceId: workspace.id, name: "intruder" },
      }),
    ).rejects.toMatchObject({ code: "P2003" });
  });

  it("stores a policy document exactly as written", async () => {
    const { organization } = await organizationWithWorkspace("Drafts");
    const text = '{\n  "Version": "2025-01-01",\n  "Statement": []\n}\n';
    const policy = await db.policy.create({
      data: { organizationId: organization.id, name: "p", draftDocument: text },
    });
    const read = await db.policy.findUnique({
      where: { id: policy.id, organizationId: organization.id },
    });
    expect(read?.draftDocument).toBe(text);
  });
});

describe("the tenant guard", () => {
  it("refuses a query on a tenant model that does not name the organization", async () => {
    await expect(db.workspace.findMany()).rejects.toBeInstanceOf(TenantScopeError);
    await expect(db.workspace.count({ where: { slug: "production" } })).rejects.toThrow(
      /Workspace\.count must be scoped by organizationId/,
    );
  });

  it("refuses a filter whose organization is undefined, which Prisma would drop", async () => {
    await expect(
      db.agent.findMany({ where: { organizationId: undefined } }),
    ).rejects.toBeInstanceOf(TenantScopeError);
  });

  it("refuses an unscoped write, also inside a transaction", async () => {
    await expect(db.agent.updateMany({ data: { frozen: true } })).rejects.toBeInstanceOf(
      TenantScopeError,
    );
    await expect(
      db.$transaction(async (tx) => tx.agent.deleteMany({ where: { name: "bot" } })),
    ).rejects.toBeInstanceOf(TenantScopeError);
  });

  it("allows scoped queries and sees only that organization's rows", async () => {
    const a = await organizationWithWorkspace("A");
    const b = await organizationWithWorkspace("B");
    const inA = await db.workspace.findMany({ where: { organizationId: a.organization.id } });
    expect(inA.map((w) => w.id)).toEqual([a.workspace.id]);
    const bySlug = await db.workspace.findUnique({
      where: {
        organizationId_slug: { organizationId: b.organization.id, slug: "production" },
      },
    });
    expect(bySlug?.id).toBe(b.workspace.id);
    // Another organization's id, even a real one, finds nothing under this organization.
    const crossed = await db.workspace.findFirst({
      where: { id: b.workspace.id, organizationId: a.organization.id },
    });
    expect(crossed).toBeNull();
  });

  it("lets a key lookup start from the secret's hash, but not a write", async () => {
    const { organization, workspace } = await organizationWithWorkspace("Keys");
    const agent = await db.agent.create({
      data: { organizationId: organization.id, workspaceId: workspace.id, name: "bot" },
    });
    const secretHash = "a".repeat(64);
    await db.apiKey.create({
      data: {
        organizationId: organization.id,
        workspaceId: workspace.id,
        agentId: agent.id,
        prefix: "sek_live_abcd",
        lastFour: "wxyz",
        secretHash,
      },
    });
    const found = await db.apiKey.findUnique({ where: { secretHash } });
    expect(found?.agentId).toBe(agent.id);
    await expect(
      db.apiKey.update({ where: { secretHash }, data: { lastUsedAt: new Date() } }),
    ).rejects.toBeInstanceOf(TenantScopeError);
  });

  it("has an explicit way out for system jobs", async () => {
    const count = await db.$unscoped.workspace.count();
    expect(count).toBeGreaterThan(0);
  });
});
