/** The console's and the scripts' API: one router per domain, merged here. */
import { adminTokensRouter } from "./routers/adminTokens/index.js";
import { agentsRouter } from "./routers/agents/index.js";
import { apiKeysRouter } from "./routers/apiKeys/index.js";
import { approvalsRouter } from "./routers/approvals/index.js";
import { assignmentsRouter } from "./routers/assignments/index.js";
import { auditRouter } from "./routers/audit/index.js";
import { decisionsRouter } from "./routers/decisions/index.js";
import { membersRouter } from "./routers/members/index.js";
import { organizationsRouter } from "./routers/organizations/index.js";
import { policiesRouter } from "./routers/policies/index.js";
import { webhooksRouter } from "./routers/webhooks/index.js";
import { workspacesRouter } from "./routers/workspaces/index.js";
import { createCallerFactory, router } from "./trpc.js";

export const appRouter = router({
  organizations: organizationsRouter,
  members: membersRouter,
  workspaces: workspacesRouter,
  policies: policiesRouter,
  assignments: assignmentsRouter,
  agents: agentsRouter,
  apiKeys: apiKeysRouter,
  adminTokens: adminTokensRouter,
  audit: auditRouter,
  approvals: approvalsRouter,
  decisions: decisionsRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;

/** A server-side caller (tests, server components): `createCaller(ctx).workspaces.list(…)`. */
export const createCaller = createCallerFactory(appRouter);
