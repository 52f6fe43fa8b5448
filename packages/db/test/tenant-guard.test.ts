import { describe, expect, it } from "vitest";
import { assertScoped, TENANT_MODELS, TenantScopeError } from "../src/tenant-guard.js";

const org = "org_0123456789abcdef0123456789abcdef";

function refused(model: string, operation: string, args: unknown): boolean {
  try {
    assertScoped(model, operation, args);
    return false;
  } catch (error) {
    if (error instanceof TenantScopeError) return true;
    throw error;
  }
}

describe("assertScoped", () => {
  it("ignores models that are not tenant data", () => {
    expect(refused("Organization", "findMany", {})).toBe(false);
    expect(refused("User", "findUnique", { where: { email: "a@b.c" } })).toBe(false);
    expect(refused("Session", "deleteMany", {})).toBe(false);
  });

  it("accepts the organization pinned directly, with equals, in a compound key or an AND", () => {
    expect(refused("Workspace", "findMany", { where: { organizationId: org } })).toBe(false);
    expect(refused("Workspace", "findMany", { where: { organizationId: { equals: org } } })).toBe(
      false,
    );
    expect(
      refused("Workspace", "findUnique", {
        where: { organizationId_slug: { organizationId: org, slug: "x" } },
      }),
    ).toBe(false);
    expect(refused("Workspace", "findMany", { where: { AND: [{ organizationId: org }] } })).toBe(
      false,
    );
  });

  it("refuses a missing, empty, undefined or multi-valued organization", () => {
    for (const where of [
      undefined,
      {},
      { organizationId: "" },
      { organizationId: undefined },
      { organizationId: { in: [org] } },
      { OR: [{ organizationId: org }, { name: "x" }] },
      { workspace: { organizationId: org } },
    ]) {
      expect(refused("Agent", "findMany", { where })).toBe(true);
    }
  });

  it("checks every row a create writes", () => {
    expect(refused("Agent", "create", { data: { organizationId: org, name: "a" } })).toBe(false);
    expect(
      refused("Agent", "create", { data: { organization: { connect: { id: org } }, name: "a" } }),
    ).toBe(false);
    expect(
      refused("Agent", "createMany", { data: [{ organizationId: org }, { name: "no org" }] }),
    ).toBe(true);
  });

  it("checks both halves of an upsert", () => {
    const where = { organizationId_slug: { organizationId: org, slug: "x" } };
    expect(refused("Workspace", "upsert", { where, create: { organizationId: org } })).toBe(false);
    expect(refused("Workspace", "upsert", { where, create: { name: "x" } })).toBe(true);
  });

  it("lets a read start from a capability, never a write", () => {
    expect(refused("ApiKey", "findUnique", { where: { secretHash: "h" } })).toBe(false);
    expect(refused("Membership", "findMany", { where: { userId: "usr_1" } })).toBe(false);
    expect(refused("ApiKey", "update", { where: { secretHash: "h" }, data: {} })).toBe(true);
    expect(refused("Membership", "deleteMany", { where: { userId: "usr_1" } })).toBe(true);
  });

  it("covers every model that has an organizationId column", async () => {
    const { readFileSync } = await import("node:fs");
    const { defaultPaths } = await import("../src/migrate/paths.js");
    const schema = readFileSync(defaultPaths.schemaPath, "utf8");
    const withOrg = [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)]
      .filter((m) => /^\s+organizationId\s+String\b/m.test(m[2] as string))
      .map((m) => m[1]);
    expect(withOrg.sort()).toEqual(Object.keys(TENANT_MODELS).sort());
  });
});
