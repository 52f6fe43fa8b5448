/**
 * The demo that `pnpm start` seeds after migrating: an organization, its owner
 * `admin@sekuire.local`, the workspaces development, production and healthcare, each with its
 * seed template published and assigned (following the latest version), and one agent with an
 * API key in each. Everything goes through the core services with the owner as the actor, so the
 * admin audit trail tells the story; only the user row and its password (no service writes
 * those) are written directly, the password change with its own audit event.
 *
 * Idempotent: what exists is kept. The secrets live only in the state file (`demo.json`, 0600);
 * the database holds hashes. When the file is missing, unreadable, or its password or any key no
 * longer verifies, the password is reset, the demo's keys are revoked and replaced, and the file
 * is rewritten. When everything verifies, nothing changes.
 *
 * Serialized: a run holds a transaction-scoped advisory lock for its whole length, so two runs at
 * once (two `pnpm db:seed`, or a seed racing the compose service's) take turns, and the second
 * finds and keeps what the first made instead of making a second demo organization.
 */
import { randomInt } from "node:crypto";
import type { Db } from "@sekuire/db";
import { getTemplate } from "@sekuire/policy-engine";
import type { Principal } from "../access/index.js";
import { createAgent, createApiKey, revokeApiKey, verifyApiKey } from "../agents/index.js";
import { recordAudit } from "../audit/index.js";
import { createOrganization } from "../organizations/index.js";
import { hashPassword, verifyPassword } from "../passwords.js";
import { assignPolicy, createPolicy, publishPolicy } from "../policies/index.js";
import { createWorkspace } from "../workspaces/index.js";
import {
  DEMO_WORKSPACE_SLUGS,
  type DemoState,
  type DemoWorkspaceSlug,
  ensurePrivateMode,
  formatDemoState,
  readDemoState,
  writeDemoState,
} from "./state-file.js";

export const DEMO_EMAIL = "admin@sekuire.local";
export const DEMO_OWNER_NAME = "Demo Admin";
export const DEMO_ORGANIZATION_NAME = "Sekuire Demo";
export const DEMO_AGENT_NAME = "Demo agent";
/** The name of the keys the seed creates: the ones it revokes when it rotates. */
export const DEMO_KEY_NAME = "Demo key (.sekuire/demo.json)";

type TemplateId = "development" | "production" | "hipaa";

export const DEMO_WORKSPACES: ReadonlyArray<{
  slug: DemoWorkspaceSlug;
  name: string;
  description: string;
  templateId: TemplateId;
}> = [
  {
    slug: "development",
    name: "Development",
    description: "Demo: agents under development, with the permissive development template.",
    templateId: "development",
  },
  {
    slug: "production",
    name: "Production",
    description: "Demo: production agents, with the production template's limits and approvals.",
    templateId: "production",
  },
  {
    slug: "healthcare",
    name: "Healthcare",
    description: "Demo: agents that handle health data, with the HIPAA template.",
    templateId: "hipaa",
  },
];

export interface SeedDemoOptions {
  /** Where the credentials are kept (`<repo>/.sekuire/demo.json`). */
  stateFile: string;
  consoleUrl: string;
  decisionApiUrl: string;
  workerUrl: string;
  now?: Date;
}

export type SeedStatus = "created" | "kept";

export interface SeededWorkspace {
  slug: DemoWorkspaceSlug;
  id: string;
  status: SeedStatus;
  policy: {
    id: string;
    name: string;
    status: SeedStatus;
    /** "published" by this run, "kept" when a version existed, "pending" under four eyes. */
    publish: "published" | "kept" | "pending";
    assignment: SeedStatus;
  };
  agent: { id: string; name: string; status: SeedStatus };
}

export type CredentialsOutcome =
  | { status: "created"; state: DemoState }
  | { status: "rotated"; reason: string; state: DemoState }
  | { status: "kept" };

export interface SeedDemoResult {
  organization: { id: string; name: string; status: SeedStatus };
  owner: { id: string; email: string; status: SeedStatus };
  workspaces: SeededWorkspace[];
  /** The secrets are only here when they were created or rotated by this run. */
  credentials: CredentialsOutcome;
  stateFile: string;
  /** The state file was rewritten (new secrets, or only its URLs or mode changed). */
  stateFileWritten: boolean;
}

/** The advisory lock's key, and room for a slow machine: the lock is held while the seed runs. */
const SEED_LOCK_KEY = "sekuire:demo-seed";
const SEED_LOCK_TX = { maxWait: 60_000, timeout: 10 * 60_000 } as const;

/**
 * Runs the seed under the lock. The lock's transaction only holds the lock (one pooled
 * connection); the seed itself writes through the services, each in its own transaction on the
 * pool's other connections, so `db` needs at least two.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  return db.$unscoped.$transaction(async (lock) => {
    await lock.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${SEED_LOCK_KEY}))`;
    return seedDemoNow(db, options);
  }, SEED_LOCK_TX);
}

async function seedDemoNow(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();

  // The owner: no service creates users (sign-in does), so the row is written here.
  let generatedPassword: string | undefined;
  let user = await db.user.findUnique({ where: { email: DEMO_EMAIL } });
  const ownerStatus: SeedStatus = user ? "kept" : "created";
  if (!user) {
    generatedPassword = generatePassword();
    user = await db.user.create({
      data: {
        email: DEMO_EMAIL,
        name: DEMO_OWNER_NAME,
        passwordHash: await hashPassword(generatedPassword),
        emailVerified: now,
      },
    });
  }
  const owner: Principal = { kind: "user", userId: user.id, label: DEMO_EMAIL };

  // The organization: the one named "Sekuire Demo" that the demo owner owns.
  const membership = await db.membership.findFirst({
    where: { userId: user.id, role: "owner", organization: { name: DEMO_ORGANIZATION_NAME } },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  const organizationStatus: SeedStatus = membership ? "kept" : "created";
  const organizationId =
    membership?.organizationId ??
    (await createOrganization(db, owner, { name: DEMO_ORGANIZATION_NAME })).id;

  const workspaces: SeededWorkspace[] = [];
  for (const spec of DEMO_WORKSPACES) {
    workspaces.push(await seedWorkspace(db, owner, organizationId, spec));
  }

  const credentials = await seedCredentials(db, {
    organizationId,
    owner,
    userId: user.id,
    generatedPassword,
    workspaces,
    options,
    now,
  });

  return {
    organization: { id: organizationId, name: DEMO_ORGANIZATION_NAME, status: organizationStatus },
    owner: { id: user.id, email: DEMO_EMAIL, status: ownerStatus },
    workspaces,
    credentials: credentials.outcome,
    stateFile: options.stateFile,
    stateFileWritten: credentials.written,
  };
}

async function seedWorkspace(
  db: Db,
  owner: Principal,
  organizationId: string,
  spec: (typeof DEMO_WORKSPACES)[number],
): Promise<SeededWorkspace> {
  const existingWorkspace = await db.workspace.findUnique({
    where: { organizationId_slug: { organizationId, slug: spec.slug } },
    select: { id: true },
  });
  const workspaceId =
    existingWorkspace?.id ??
    (
      await createWorkspace(db, owner, {
        organizationId,
        name: spec.name,
        slug: spec.slug,
        description: spec.description,
      })
    ).id;

  // The policy made from the workspace's template (the oldest, should an admin make more).
  const existingPolicy = await db.policy.findFirst({
    where: { organizationId, templateId: spec.templateId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  const policy =
    existingPolicy ??
    (await createPolicy(db, owner, { organizationId, templateId: spec.templateId })).policy;

  let publish: SeededWorkspace["policy"]["publish"] = "kept";
  const [versions, pending] = await Promise.all([
    db.policyVersion.count({ where: { organizationId, policyId: policy.id } }),
    db.publishRequest.count({
      where: { organizationId, policyId: policy.id, status: "pending" },
    }),
  ]);
  if (versions === 0 && pending > 0) publish = "pending";
  if (versions === 0 && pending === 0) {
    const title = getTemplate(spec.templateId).title;
    const result = await publishPolicy(db, owner, {
      organizationId,
      policyId: policy.id,
      changeNote: `Demo seed: the ${title} template as shipped.`,
    });
    publish = result.status;
  }

  const existingAssignment = await db.policyAssignment.findFirst({
    where: { organizationId, workspaceId, policyId: policy.id },
    select: { id: true },
  });
  if (!existingAssignment) {
    await assignPolicy(db, owner, { organizationId, workspaceId, policyId: policy.id });
  }

  const existingAgent = await db.agent.findFirst({
    where: { organizationId, workspaceId, name: DEMO_AGENT_NAME },
    select: { id: true },
  });
  const agentId =
    existingAgent?.id ??
    (
      await createAgent(db, owner, {
        organizationId,
        workspaceId,
        name: DEMO_AGENT_NAME,
        description: "Created by the demo seed; its API key is in .sekuire/demo.json.",
      })
    ).id;

  return {
    slug: spec.slug,
    id: workspaceId,
    status: existingWorkspace ? "kept" : "created",
    policy: {
      id: policy.id,
      name: policy.name,
      status: existingPolicy ? "kept" : "created",
      publish,
      assignment: existingAssignment ? "kept" : "created",
    },
    agent: { id: agentId, name: DEMO_AGENT_NAME, status: existingAgent ? "kept" : "created" },
  };
}

interface CredentialsContext {
  organizationId: string;
  owner: Principal;
  userId: string;
  /** Set when this run created the owner with it. */
  generatedPassword: string | undefined;
  workspaces: SeededWorkspace[];
  options: SeedDemoOptions;
  now: Date;
}

async function seedCredentials(
  db: Db,
  ctx: CredentialsContext,
): Promise<{ outcome: CredentialsOutcome; written: boolean }> {
  const { options, now } = ctx;
  const agents = Object.fromEntries(ctx.workspaces.map((w) => [w.slug, w.agent.id])) as Record<
    DemoWorkspaceSlug,
    string
  >;

  if (ctx.generatedPassword === undefined) {
    const problem = await checkState(db, ctx.userId, agents, options.stateFile, now);
    if (problem === undefined) {
      const read = await readDemoState(options.stateFile);
      // checkState found it good, so it reads; only the URLs may be out of date.
      if (!read.ok) throw new Error("the demo state file changed while the seed ran");
      const wanted: DemoState = {
        ...read.state,
        consoleUrl: options.consoleUrl,
        decisionApiUrl: options.decisionApiUrl,
        workerUrl: options.workerUrl,
      };
      let written = false;
      if (formatDemoState(wanted) !== formatDemoState(read.state)) {
        await writeDemoState(options.stateFile, wanted);
        written = true;
      } else {
        written = await ensurePrivateMode(options.stateFile);
      }
      return { outcome: { status: "kept" }, written };
    }
    const password = generatePassword();
    await resetPassword(db, ctx, password, problem);
    const state = await replaceKeys(db, ctx, agents, password);
    await writeDemoState(options.stateFile, state);
    return { outcome: { status: "rotated", reason: problem, state }, written: true };
  }

  const state = await replaceKeys(db, ctx, agents, ctx.generatedPassword);
  await writeDemoState(options.stateFile, state);
  return { outcome: { status: "created", state }, written: true };
}

/** Why the state file cannot be kept, or undefined when its password and keys all verify. */
async function checkState(
  db: Db,
  userId: string,
  agents: Record<DemoWorkspaceSlug, string>,
  stateFile: string,
  now: Date,
): Promise<string | undefined> {
  const read = await readDemoState(stateFile);
  if (!read.ok) return `the state file is ${read.reason}`;
  const { state } = read;
  if (state.email !== DEMO_EMAIL) return `the state file names another user (${state.email})`;
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(state.password, user.passwordHash)))
    return "the password in the state file no longer verifies";
  if (state.apiKey !== state.apiKeys.production)
    return "the state file's apiKey is not the production key";
  for (const slug of DEMO_WORKSPACE_SLUGS) {
    const verification = await verifyApiKey(db, state.apiKeys[slug], now);
    if (!verification.valid)
      return `the ${slug} key in the state file is refused (${verification.reason})`;
    if (verification.agentId !== agents[slug])
      return `the ${slug} key in the state file belongs to another agent`;
  }
  return undefined;
}

async function resetPassword(
  db: Db,
  ctx: CredentialsContext,
  password: string,
  reason: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.userId }, data: { passwordHash } });
    await recordAudit(tx, {
      organizationId: ctx.organizationId,
      actor: { kind: "system", label: "demo seed" },
      action: "member.password_reset",
      targetType: "user",
      targetId: ctx.userId,
      details: { email: DEMO_EMAIL, reason },
    });
  });
}

/** Revokes the demo's old keys on the three agents and creates one new key for each. */
async function replaceKeys(
  db: Db,
  ctx: CredentialsContext,
  agents: Record<DemoWorkspaceSlug, string>,
  password: string,
): Promise<DemoState> {
  const { organizationId, owner, now } = ctx;
  const old = await db.apiKey.findMany({
    where: {
      organizationId,
      agentId: { in: Object.values(agents) },
      name: DEMO_KEY_NAME,
      revokedAt: null,
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const key of old) {
    await revokeApiKey(db, owner, { organizationId, keyId: key.id }, now);
  }
  const apiKeys = {} as Record<DemoWorkspaceSlug, string>;
  for (const slug of DEMO_WORKSPACE_SLUGS) {
    const created = await createApiKey(
      db,
      owner,
      { organizationId, agentId: agents[slug], name: DEMO_KEY_NAME },
      now,
    );
    apiKeys[slug] = created.secret;
  }
  return {
    consoleUrl: ctx.options.consoleUrl,
    decisionApiUrl: ctx.options.decisionApiUrl,
    workerUrl: ctx.options.workerUrl,
    email: DEMO_EMAIL,
    password,
    workspace: "production",
    apiKey: apiKeys.production,
    apiKeys,
  };
}

const PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Four groups of six from a 57-character alphabet without look-alikes: about 140 bits. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 6; i++) group += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
