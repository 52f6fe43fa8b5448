/**
 * The demo seed against a real, throw-away database: creation, idempotence, rotation when the
 * state file is missing or a key in it is wrong, the templates live in their workspaces, and
 * the state file's mode.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyApiKey } from "../../src/agents/index.js";
import {
  DEMO_EMAIL,
  DEMO_KEY_NAME,
  DEMO_ORGANIZATION_NAME,
  type DemoState,
  type SeedDemoResult,
  seedDemo,
} from "../../src/demo/index.js";
import { verifyPassword } from "../../src/passwords.js";
import { useTestDatabase } from "../../src/testing/index.js";

const test = useTestDatabase();
let dir: string;
let stateFile: string;
const options = () => ({
  stateFile,
  consoleUrl: "http://localhost:3000",
  decisionApiUrl: "http://localhost:4000",
  workerUrl: "http://localhost:4100",
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sekuire-demo-test-"));
  stateFile = join(dir, ".sekuire", "demo.json");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readState(): Promise<DemoState> {
  return JSON.parse(await readFile(stateFile, "utf8")) as DemoState;
}

/** Row counts of everything the seed writes, for "nothing changed". */
async function counts(organizationId: string) {
  const { db } = test;
  const scope = { where: { organizationId } };
  return {
    organizations: await db.organization.count(),
    users: await db.user.count(),
    memberships: await db.membership.count(scope),
    workspaces: await db.workspace.count(scope),
    policies: await db.policy.count(scope),
    versions: await db.policyVersion.count(scope),
    assignments: await db.policyAssignment.count(scope),
    agents: await db.agent.count(scope),
    apiKeys: await db.apiKey.count(scope),
    audit: await db.adminAuditEvent.count(scope),
  };
}

async function passwordHash(): Promise<string> {
  const user = await test.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
  return user.passwordHash ?? "";
}

async function expectKeysBelongToTheirAgents(result: SeedDemoResult, state: DemoState) {
  for (const w of result.workspaces) {
    const verification = await verifyApiKey(test.db, state.apiKeys[w.slug]);
    expect(verification).toMatchObject({
      valid: true,
      organizationId: result.organization.id,
      workspaceId: w.id,
      agentId: w.agent.id,
    });
  }
}

describe("seedDemo", () => {
  let first: SeedDemoResult;
  let firstState: DemoState;

  it("creates the organization, owner, workspaces, policies, agents and a demo.json that verifies", async () => {
    first = await seedDemo(test.db, options());
    expect(first.organization).toMatchObject({ name: DEMO_ORGANIZATION_NAME, status: "created" });
    expect(first.owner).toMatchObject({ email: DEMO_EMAIL, status: "created" });
    expect(first.workspaces.map((w) => [w.slug, w.status, w.agent.status])).toEqual([
      ["development", "created", "created"],
      ["production", "created", "created"],
      ["healthcare", "created", "created"],
    ]);
    for (const w of first.workspaces) {
      expect(w.policy).toMatchObject({ status: "created", publish: "published" });
      expect(w.policy.assignment).toBe("created");
    }
    expect(first.credentials.status).toBe("created");
    expect(first.stateFileWritten).toBe(true);

    firstState = await readState();
    expect(Object.keys(firstState)).toEqual([
      "consoleUrl",
      "decisionApiUrl",
      "workerUrl",
      "email",
      "password",
      "workspace",
      "apiKey",
      "apiKeys",
    ]);
    expect(firstState).toMatchObject({
      consoleUrl: "http://localhost:3000",
      decisionApiUrl: "http://localhost:4000",
      workerUrl: "http://localhost:4100",
      email: DEMO_EMAIL,
      workspace: "production",
    });
    expect(Object.keys(firstState.apiKeys)).toEqual(["development", "production", "healthcare"]);
    expect(firstState.apiKey).toBe(firstState.apiKeys.production);
    expect(new Set(Object.values(firstState.apiKeys)).size).toBe(3);
    if (first.credentials.status === "created") expect(first.credentials.state).toEqual(firstState);

    expect(firstState.password.length).toBeGreaterThanOrEqual(20);
    expect(await verifyPassword(firstState.password, await passwordHash())).toBe(true);
    await expectKeysBelongToTheirAgents(first, firstState);

    const production = first.workspaces.find((w) => w.slug === "production");
    const verification = await verifyApiKey(test.db, firstState.apiKey);
    expect(verification.valid && verification.agentId).toBe(production?.agent.id);
  });

  it("makes the owner the organization's owner and records its work in the audit trail", async () => {
    const { db } = test;
    const organizationId = first.organization.id;
    const membership = await db.membership.findFirstOrThrow({
      where: { organizationId, userId: first.owner.id },
    });
    expect(membership.role).toBe("owner");
    const events = await db.adminAuditEvent.findMany({
      where: { organizationId },
      orderBy: { createdAt: "asc" },
    });
    const actions = events.map((e) => e.action);
    expect(actions[0]).toBe("organization.created");
    for (const action of [
      "workspace.created",
      "policy.created",
      "policy.published",
      "assignment.created",
      "agent.created",
      "api_key.created",
    ]) {
      expect(actions.filter((a) => a === action)).toHaveLength(3);
    }
    expect(events.every((e) => e.actorType === "user" && e.actorUserId === first.owner.id)).toBe(
      true,
    );
  });

  it("has each workspace's template published and assigned, following the latest version", async () => {
    const { db } = test;
    const organizationId = first.organization.id;
    const expected = { development: "development", production: "production", healthcare: "hipaa" };
    for (const w of first.workspaces) {
      const assignments = await db.policyAssignment.findMany({
        where: { organizationId, workspaceId: w.id },
        include: {
          policy: { include: { versions: { orderBy: { number: "desc" } } } },
        },
      });
      expect(assignments).toHaveLength(1);
      const [assignment] = assignments;
      expect(assignment?.pinnedVersionId).toBeNull();
      expect(assignment?.policy.id).toBe(w.policy.id);
      expect(assignment?.policy.templateId).toBe(expected[w.slug]);
      expect(assignment?.policy.versions.map((v) => v.number)).toEqual([1]);
      // The published version is the draft as created: nothing left unpublished.
      expect(assignment?.policy.versions[0]?.document).toBe(assignment?.policy.draftDocument);
    }
  });

  it("writes demo.json with mode 0600", async () => {
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
  });

  it("changes nothing on a second run: same keys and password, no new rows", async () => {
    const before = await counts(first.organization.id);
    const hashBefore = await passwordHash();
    const fileBefore = await readFile(stateFile, "utf8");

    const second = await seedDemo(test.db, options());

    expect(second.credentials).toEqual({ status: "kept" });
    expect(second.stateFileWritten).toBe(false);
    expect(second.organization).toEqual({ ...first.organization, status: "kept" });
    expect(second.owner.status).toBe("kept");
    for (const [i, w] of second.workspaces.entries()) {
      expect(w).toEqual({
        slug: first.workspaces[i]?.slug,
        id: first.workspaces[i]?.id,
        status: "kept",
        policy: {
          ...first.workspaces[i]?.policy,
          status: "kept",
          publish: "kept",
          assignment: "kept",
        },
        agent: { ...first.workspaces[i]?.agent, status: "kept" },
      });
    }
    expect(await counts(first.organization.id)).toEqual(before);
    expect(await passwordHash()).toBe(hashBefore);
    expect(await readFile(stateFile, "utf8")).toBe(fileBefore);
    expect("state" in second.credentials).toBe(false);
  });

  it("rotates the password and keys when demo.json is missing, keeping the data", async () => {
    const before = await counts(first.organization.id);
    const oldState = await readState();
    await rm(stateFile);

    const third = await seedDemo(test.db, options());

    expect(third.credentials.status).toBe("rotated");
    if (third.credentials.status === "rotated") expect(third.credentials.reason).toMatch(/missing/);
    expect(third.organization).toEqual({ ...first.organization, status: "kept" });
    expect(third.workspaces.map((w) => w.id)).toEqual(first.workspaces.map((w) => w.id));
    expect(third.workspaces.map((w) => w.agent.id)).toEqual(
      first.workspaces.map((w) => w.agent.id),
    );

    const state = await readState();
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    for (const slug of ["development", "production", "healthcare"] as const) {
      expect(state.apiKeys[slug]).not.toBe(oldState.apiKeys[slug]);
      expect(await verifyApiKey(test.db, oldState.apiKeys[slug])).toEqual({
        valid: false,
        reason: "revoked",
      });
    }
    await expectKeysBelongToTheirAgents(third, state);
    expect(state.apiKey).toBe(state.apiKeys.production);
    expect(state.password).not.toBe(oldState.password);
    expect(await verifyPassword(state.password, await passwordHash())).toBe(true);
    expect(await verifyPassword(oldState.password, await passwordHash())).toBe(false);

    // Only the three new keys and their audit events (3 revoked, 3 created, 1 password reset).
    const after = await counts(first.organization.id);
    expect(after).toEqual({ ...before, apiKeys: before.apiKeys + 3, audit: before.audit + 7 });
    const reset = await test.db.adminAuditEvent.findFirstOrThrow({
      where: { organizationId: first.organization.id, action: "member.password_reset" },
    });
    expect(reset).toMatchObject({ actorType: "system", targetId: first.owner.id });

    // The next run keeps the rotated credentials.
    const again = await seedDemo(test.db, options());
    expect(again.credentials.status).toBe("kept");
    expect(await readState()).toEqual(state);
  });

  it("rotates when a key in demo.json is corrupted", async () => {
    const oldState = await readState();
    const healthcare = oldState.apiKeys.healthcare;
    const corrupted: DemoState = {
      ...oldState,
      apiKeys: { ...oldState.apiKeys, healthcare: `${healthcare.slice(0, -1)}x` },
    };
    await writeFile(stateFile, JSON.stringify(corrupted), { mode: 0o600 });

    const result = await seedDemo(test.db, options());

    expect(result.credentials.status).toBe("rotated");
    if (result.credentials.status === "rotated")
      expect(result.credentials.reason).toMatch(/healthcare key/);
    const state = await readState();
    for (const slug of ["development", "production", "healthcare"] as const) {
      expect(state.apiKeys[slug]).not.toBe(oldState.apiKeys[slug]);
      expect((await verifyApiKey(test.db, oldState.apiKeys[slug])).valid).toBe(false);
    }
    await expectKeysBelongToTheirAgents(result, state);
    expect(await verifyPassword(state.password, await passwordHash())).toBe(true);
    // Each demo agent has exactly one working demo key.
    const active = await test.db.apiKey.count({
      where: { organizationId: first.organization.id, name: DEMO_KEY_NAME, revokedAt: null },
    });
    expect(active).toBe(3);
  });

  it("rotates when demo.json is not JSON, and when its password is wrong", async () => {
    await writeFile(stateFile, "{ not json", { mode: 0o600 });
    const malformed = await seedDemo(test.db, options());
    expect(malformed.credentials.status).toBe("rotated");
    if (malformed.credentials.status === "rotated")
      expect(malformed.credentials.reason).toMatch(/malformed/);

    const state = await readState();
    await writeFile(stateFile, JSON.stringify({ ...state, password: "wrong" }), { mode: 0o600 });
    const wrongPassword = await seedDemo(test.db, options());
    expect(wrongPassword.credentials.status).toBe("rotated");
    if (wrongPassword.credentials.status === "rotated")
      expect(wrongPassword.credentials.reason).toMatch(/password/);
    expect(await verifyPassword((await readState()).password, await passwordHash())).toBe(true);
  });

  it("narrows a widened mode and updates changed URLs without rotating", async () => {
    const { chmod } = await import("node:fs/promises");
    await chmod(stateFile, 0o644);
    const state = await readState();
    const kept = await seedDemo(test.db, options());
    expect(kept.credentials.status).toBe("kept");
    expect(kept.stateFileWritten).toBe(true);
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);

    const moved = await seedDemo(test.db, { ...options(), consoleUrl: "http://demo.test:3000" });
    expect(moved.credentials.status).toBe("kept");
    expect(await readState()).toEqual({ ...state, consoleUrl: "http://demo.test:3000" });
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
  });
});
