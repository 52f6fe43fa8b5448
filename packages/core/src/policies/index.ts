/**
 * @sekuire/core/policies: policies, drafts, publishing (with four eyes), versions, diffs and
 * assignments, plus what is live in a workspace. Every function takes `(db, principal, input)`,
 * checks the caller's role from the database and parses its input with zod, so the tRPC
 * procedures stay thin; every write records its audit event in the same transaction.
 */
export {
  assignPolicy,
  changeAssignment,
  listWorkspaceAssignments,
  unassignPolicy,
} from "./assignments.js";
export { BLANK_POLICY_DOCUMENT } from "./blank.js";
export {
  type DiffHunk,
  type DiffKind,
  type DiffLine,
  diffLines,
  prettyLines,
  toHunks,
} from "./diff.js";
export { saveDraft } from "./drafts.js";
export {
  type ApprovalRuleSummary,
  effectiveWorkspaceSettings,
  type LiveDocument,
  liveDocuments,
} from "./effective.js";
export { approvePublishRequest, listPublishRequests, rejectPublishRequest } from "./four-eyes.js";
export * as policyInputs from "./inputs.js";
export { createPolicy, deletePolicy, getPolicy, listPolicies } from "./policies.js";
export { publishPolicy } from "./publish.js";
export { diffVersions, getVersion, listVersions, restoreVersion } from "./versions.js";
