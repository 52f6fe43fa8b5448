import { describe, expect, it } from "vitest";
import {
  createAgent,
  deleteAgent,
  getAgent,
  listAgents,
  setAgentFrozen,
} from "../../src/agents/index.js";
import {
  auditEvents,
  createTestOrganization,
  expectAppError,
  failCommitsTouching,
  type TestOrganization,
  useTestDatabase,
} from "../../src/testing/index.js";
import { createWorkspace } from "../../src/workspaces/index.js";

const t = useTestDatabase();

async function orgWithWorkspace(): Promise<TestOrganization & { workspaceId: string }> {
  const org = await createTestOrganization(t.db);
  const ws = await createWorkspace(t.db, org.owner, { organizationId: org.id, name: "Prod" });
  return { ...org, workspaceId: ws.id };
}

describe("agents", () => {
  it("an admin creates an agent in a workspace and the event is recorded", async () => {
    const org = await orgWithWorkspace();
    const agent = await createAgent(t.db, org.admin, {
      organizationId: org.id,
      workspaceId: org.workspaceId,
      name: "support-bot",
    });
    expect(agent).toMatchObject({
      workspaceId: org.workspaceId,
      name: "support-bot",
      frozen: false,
    });
    const [event] = await auditEvents(t.db, org.id, "agent.created");
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetId: agent.id });
    const error = await expectAppError(
      createAgent(t.db, org.admin, {
        organizationId: org.id,
        workspaceId: org.workspaceId,
        name: "support-bot",
      }),
      "CONFLICT",
    );
    expect(error.details?.[0]?.pointer).toBe("/name");
  });

  it("lists by organization or workspace, freezes and unfreezes, deletes, each write recorded", async () => {
    const org = await orgWithWorkspace();
    const other = await createWorkspace(t.db, org.owner, { organizationId: org.id, name: "Dev" });
    const a = await createAgent(t.db, org.admin, {
      organizationId: org.id,
      workspaceId: org.workspaceId,
      name: "a",
    });
    await createAgent(t.db, org.admin, {
      organizationId: org.id,
      workspaceId: other.id,
      name: "b",
    });
    expect(await listAgents(t.db, org.viewer, { organizationId: org.id })).toHaveLength(2);
    expect(
      (
        await listAgents(t.db, org.viewer, { organizationId: org.id, workspaceId: org.workspaceId })
      ).map((x) => x.id),
    ).toEqual([a.id]);
    expect(
      (
        await setAgentFrozen(t.db, org.admin, {
          organizationId: org.id,
          agentId: a.id,
          frozen: true,
        })
      ).frozen,
    ).toBe(true);
    expect(await auditEvents(t.db, org.id, "agent.frozen")).toHaveLength(1);
    await setAgentFrozen(t.db, org.admin, { organizationId: org.id, agentId: a.id, frozen: false });
    expect(await auditEvents(t.db, org.id, "agent.unfrozen")).toHaveLength(1);
    await deleteAgent(t.db, org.admin, { organizationId: org.id, agentId: a.id });
    expect(await auditEvents(t.db, org.id, "agent.deleted")).toHaveLength(1);
    await expectAppError(
      getAgent(t.db, org.viewer, { organizationId: org.id, agentId: a.id }),
      "NOT_FOUND",
    );
  });

  it("viewers and approvers cannot write", async () => {
    const org = await orgWithWorkspace();
    const agent = await createAgent(t.db, org.owner, {
      organizationId: org.id,
      workspaceId: org.workspaceId,
      name: "a",
    });
    for (const caller of [org.viewer, org.approver]) {
      await expectAppError(
        createAgent(t.db, caller, {
          organizationId: org.id,
          workspaceId: org.workspaceId,
          name: "x",
        }),
        "FORBIDDEN",
      );
      await expectAppError(
        setAgentFrozen(t.db, caller, { organizationId: org.id, agentId: agent.id, frozen: true }),
        "FORBIDDEN",
      );
      await expectAppError(
        deleteAgent(t.db, caller, { organizationId: org.id, agentId: agent.id }),
        "FORBIDDEN",
      );
    }
  });

  it("keeps organizations apart for reads and writes", async () => {
    const a = await orgWithWorkspace();
    const b = await orgWithWorkspace();
    const theirs = await createAgent(t.db, b.owner, {
      organizationId: b.id,
      workspaceId: b.workspaceId,
      name: "t",
    });
    await expectAppError(listAgents(t.db, a.owner, { organizationId: b.id }), "NOT_FOUND");
    // A's organization with B's workspace: the workspace is not found in A.
    await expectAppError(
      createAgent(t.db, a.owner, { organizationId: a.id, workspaceId: b.workspaceId, name: "x" }),
      "NOT_FOUND",
    );
    for (const organizationId of [a.id, b.id]) {
      await expectAppError(
        getAgent(t.db, a.owner, { organizationId, agentId: theirs.id }),
        "NOT_FOUND",
      );
      await expectAppError(
        setAgentFrozen(t.db, a.owner, { organizationId, agentId: theirs.id, frozen: true }),
        "NOT_FOUND",
      );
      await expectAppError(
        deleteAgent(t.db, a.owner, { organizationId, agentId: theirs.id }),
        "NOT_FOUND",
      );
    }
    expect(
      await listAgents(t.db, a.owner, { organizationId: a.id, workspaceId: b.workspaceId }),
    ).toEqual([]);
    expect(
      (await getAgent(t.db, b.owner, { organizationId: b.id, agentId: theirs.id })).frozen,
    ).toBe(false);
  });

  it("an agent whose commit fails after the audit insert does not exist", async () => {
    const org = await orgWithWorkspace();
    const restore = await failCommitsTouching(t.db, "AdminAuditEvent");
    try {
      await expect(
        createAgent(t.db, org.owner, {
          organizationId: org.id,
          workspaceId: org.workspaceId,
          name: "ghost",
        }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await listAgents(t.db, org.owner, { organizationId: org.id })).toEqual([]);
    expect(await auditEvents(t.db, org.id, "agent.created")).toEqual([]);
  });
});
