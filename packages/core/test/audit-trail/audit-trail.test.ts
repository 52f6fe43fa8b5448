import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../src/audit-trail/index.js";
import { changeRole } from "../../src/members/index.js";
import {
  createTestOrganization,
  expectAppError,
  useTestDatabase,
} from "../../src/testing/index.js";
import { createWorkspace } from "../../src/workspaces/index.js";

const t = useTestDatabase();

describe("admin audit trail", () => {
  it("lists newest first and filters by action, action family, actor, target and time", async () => {
    const org = await createTestOrganization(t.db);
    const start = new Date();
    const ws = await createWorkspace(t.db, org.admin, { organizationId: org.id, name: "W" });
    await changeRole(t.db, org.owner, {
      organizationId: org.id,
      userId: org.viewer.userId,
      role: "approver",
    });
    const all = await listAuditEvents(t.db, org.admin, { organizationId: org.id });
    expect(all.items.map((e) => e.action)).toEqual([
      "member.role_changed",
      "workspace.created",
      "organization.created",
    ]);
    expect(all.nextCursor).toBeNull();
    const byAction = await listAuditEvents(t.db, org.admin, {
      organizationId: org.id,
      action: "workspace.created",
    });
    expect(byAction.items.map((e) => e.targetId)).toEqual([ws.id]);
    const byFamily = await listAuditEvents(t.db, org.admin, {
      organizationId: org.id,
      action: "member.",
    });
    expect(byFamily.items.map((e) => e.action)).toEqual(["member.role_changed"]);
    const byActor = await listAuditEvents(t.db, org.admin, {
      organizationId: org.id,
      actorUserId: org.admin.userId,
    });
    expect(byActor.items.map((e) => e.action)).toEqual(["workspace.created"]);
    const byTarget = await listAuditEvents(t.db, org.admin, {
      organizationId: org.id,
      targetType: "user",
      targetId: org.viewer.userId,
    });
    expect(byTarget.items).toHaveLength(1);
    const future = await listAuditEvents(t.db, org.admin, {
      organizationId: org.id,
      from: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(future.items).toEqual([]);
    const before = await listAuditEvents(t.db, org.admin, { organizationId: org.id, to: start });
    expect(before.items.every((e) => e.createdAt < start)).toBe(true);
  });

  it("pages by cursor without gaps or repeats", async () => {
    const org = await createTestOrganization(t.db);
    for (let i = 0; i < 7; i++) {
      await createWorkspace(t.db, org.owner, { organizationId: org.id, name: `W${i}` });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(t.db, org.admin, {
        organizationId: org.id,
        action: "workspace.created",
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    await expectAppError(
      listAuditEvents(t.db, org.admin, { organizationId: org.id, cursor: "garbage" }),
      "BAD_REQUEST",
    );
  });

  it("is for admins of the organization only", async () => {
    const a = await createTestOrganization(t.db);
    const b = await createTestOrganization(t.db);
    for (const caller of [a.viewer, a.approver]) {
      await expectAppError(listAuditEvents(t.db, caller, { organizationId: a.id }), "FORBIDDEN");
    }
    await expectAppError(listAuditEvents(t.db, a.owner, { organizationId: b.id }), "NOT_FOUND");
    const page = await listAuditEvents(t.db, b.owner, { organizationId: b.id });
    expect(page.items.length).toBeGreaterThan(0);
    const mine = await listAuditEvents(t.db, a.owner, { organizationId: a.id });
    expect(mine.items.map((e) => e.id)).not.toContain(page.items[0]?.id);
  });
});
