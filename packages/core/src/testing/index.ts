/**
 * @sekuire/core/testing: the fixtures of every package's integration tests (core's and the
 * API's), in one place. Test code only: it imports vitest and writes straight to the database.
 *
 * - a throw-away migrated database per test file (`useTestDatabase`)
 * - users, members, admin tokens, organizations with one member per role
 * - policy documents, AppError assertions, audit-trail reads and commit-failure triggers
 */
export {
  auditActions,
  auditEvents,
  failAuditInserts,
  failCommitsTouching,
} from "./audit.js";
export { type TestDatabaseHandle, useTestDatabase } from "./database.js";
export { BROKEN_DOCUMENT, type PolicyDocumentOptions, policyDocument } from "./documents.js";
export { appError, expectAppError } from "./errors.js";
export { liveWorkspace } from "./live-workspace.js";
export {
  createPolicyTestOrganization,
  createTestOrganization,
  type PolicyTestOrganization,
  type TestOrganization,
} from "./organizations.js";
export {
  addMember,
  createTokenPrincipal,
  createUser,
  emailOf,
  type TokenPrincipal,
  type UserPrincipal,
  userId,
} from "./people.js";
export {
  type RecordedDecision,
  recordDecisions,
  type TestRequest,
} from "./record-decisions.js";
