import { describe, expect, it } from "vitest";
import { createAgent } from "../../src/agents/index.js";
import {
  auditEvents,
  createTestOrganization,
  expectAppError,
  failAuditInserts,
  failCommitsTouching,
  useTestDatabase,
} from "../../src/testing/index.js";
import {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  slugify,
  updateWorkspace,
} from "../../src/workspaces/index.js";

const t = useTestDatabase();

describe("workspaces", () => {
  it("an admin creates a workspace, its slug derived from the name, and the event is recorded", async () => {
    const org = await createTestOrganization(t.db);
    const ws = await createWorkspace(t.db, org.admin, {
      organizationId: org.id,
      name: "Production EU",
    });
    expect(ws).toMatchObject({ name: "Production EU", slug: "production-eu" });
    expect(ws.id).toMatch(/^ws_/);
    const [event] = await auditEvents(t.db, org.id, "workspace.created");
    expect(event).toMatchObject({
      actorUserId: org.admin.userId,
      targetType: "workspace",
      targetId: ws.id,
    });
  });

  it("slugs are unique per organization, not across organizations", async () => {
    const a = await createTestOrganization(t.db);
    const b = await createTestOrganization(t.db);
    await createWorkspace(t.db, a.owner, { organizationId: a.id, name: "Dev", slug: "dev" });
    const error = await expectAppError(
      createWorkspace(t.db, a.owner, { organizationId: a.id, name: "Dev 2", slug: "dev" }),
      "CONFLICT",
    );
    expect(error.details?.[0]?.pointer).toBe("/slug");
    await createWorkspace(t.db, b.owner, { organizationId: b.id, name: "Dev", slug: "dev" });
    expect(await auditEvents(t.db, a.id, "workspace.created")).toHaveLength(1);
  });

  it("validates the slug with a pointer", async () => {
    const org = await createTestOrganization(t.db);
    const error = await expectAppError(
      createWorkspace(t.db, org.owner, { organizationId: org.id, name: "X", slug: "Not A Slug" }),
      "BAD_REQUEST",
    );
    expect(error.details?.[0]?.pointer).toBe("/slug");
    expect(slugify("  Héllo   Wörld!! ")).toBe("hello-world");
  });

  it("renames, lists and deletes, each write with its event", async () => {
    const org = await createTestOrganization(t.db);
    const ws = await createWorkspace(t.db, org.admin, { organizationId: org.id, name: "Staging" });
    const renamed = await updateWorkspace(t.db, org.admin, {
      organizationId: org.id,
      workspaceId: ws.id,
      name: "Pre-production",
      slug: "preprod",
    });
    expect(renamed).toMatchObject({ name: "Pre-production", slug: "preprod" });
    expect(await auditEvents(t.db, org.id, "workspace.updated")).toHaveLength(1);
    await createAgent(t.db, org.admin, { organizationId: org.id, workspaceId: ws.id, name: "a" });
    const listed = await listWorkspaces(t.db, org.viewer, { organizationId: org.id });
    expect(listed.map((w) => [w.id, w.agentCount, w.assignmentCount])).toEqual([[ws.id, 1, 0]]);
    expect(
      (await getWorkspace(t.db, org.viewer, { organizationId: org.id, workspaceId: ws.id })).slug,
    ).toBe("preprod");
    await deleteWorkspace(t.db, org.admin, { organizationId: org.id, workspaceId: ws.id });
    expect(await listWorkspaces(t.db, org.viewer, { organizationId: org.id })).toEqual([]);
    expect(await auditEvents(t.db, org.id, "workspace.deleted")).toHaveLength(1);
  });

  it("viewers and approvers cannot write", async () => {
    const org = await createTestOrganization(t.db);
    const ws = await createWorkspace(t.db, org.owner, { organizationId: org.id, name: "W" });
    for (const caller of [org.viewer, org.approver]) {
      await expectAppError(
        createWorkspace(t.db, caller, { organizationId: org.id, name: "X" }),
        "FORBIDDEN",
      );
      await expectAppError(
        updateWorkspace(t.db, caller, { organizationId: org.id, workspaceId: ws.id, name: "X" }),
        "FORBIDDEN",
      );
      await expectAppError(
        deleteWorkspace(t.db, caller, { organizationId: org.id, workspaceId: ws.id }),
        "FORBIDDEN",
      );
    }
  });

  it("keeps organizations apart for reads and writes", async () => {
    const a = await createTestOrganization(t.db);
    const b = await createTestOrganization(t.db);
    const theirs = await createWorkspace(t.db, b.owner, { organizationId: b.id, name: "Theirs" });
    await expectAppError(listWorkspaces(t.db, a.owner, { organizationId: b.id }), "NOT_FOUND");
    await expectAppError(
      createWorkspace(t.db, a.owner, { organizationId: b.id, name: "X" }),
      "NOT_FOUND",
    );
    // B's workspace id through A's organization id: not found in A.
    for (const organizationId of [a.id, b.id]) {
      await expectAppError(
        getWorkspace(t.db, a.owner, { organizationId, workspaceId: theirs.id }),
        "NOT_FOUND",
      );
      await expectAppError(
        updateWorkspace(t.db, a.owner, { organizationId, workspaceId: theirs.id, name: "Mine" }),
        "NOT_FOUND",
      );
      await expectAppError(
        deleteWorkspace(t.db, a.owner, { organizationId, workspaceId: theirs.id }),
        "NOT_FOUND",
      );
    }
    const still = await getWorkspace(t.db, b.owner, {
      organizationId: b.id,
      workspaceId: theirs.id,
    });
    expect(still.name).toBe("Theirs");
  });

  it("a create whose commit fails after the audit insert leaves neither row", async () => {
    const org = await createTestOrganization(t.db);
    const restore = await failCommitsTouching(t.db, "Workspace");
    try {
      await expect(
        createWorkspace(t.db, org.owner, { organizationId: org.id, name: "Doomed" }),
      ).rejects.toThrow(/commit refused/);
    } finally {
      await restore();
    }
    expect(await listWorkspaces(t.db, org.owner, { organizationId: org.id })).toEqual([]);
    expect(await auditEvents(t.db, org.id, "workspace.created")).toEqual([]);
  });

  it("a delete whose audit event cannot be written deletes nothing", async () => {
    const org = await createTestOrganization(t.db);
    const ws = await createWorkspace(t.db, org.owner, { organizationId: org.id, name: "Kept" });
    const restore = await failAuditInserts(t.db);
    try {
      await expect(
        deleteWorkspace(t.db, org.owner, { organizationId: org.id, workspaceId: ws.id }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(
      (await listWorkspaces(t.db, org.owner, { organizationId: org.id })).map((w) => w.id),
    ).toEqual([ws.id]);
  });
});
