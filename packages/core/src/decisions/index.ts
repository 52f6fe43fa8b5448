// The decision path's domain half: keys, a workspace's config, the pure decision, what is
// recorded and how (group commit, a hash chain per workspace). The HTTP server, caches and
// Redis live in apps/decision-api; core imports none of them.

export {
  announceApprovalDecided,
  announceDecisionChange,
  type DecisionChangeAnnouncer,
  decisionTransaction,
  setDecisionChangeAnnouncer,
} from "./announce.js";
export {
  apiKeyHash,
  type KeyLookup,
  type KeyRecord,
  type KeyStanding,
  keyStanding,
  LAST_USED_RESOLUTION_MS,
  lookupApiKey,
  touchLastUsed,
} from "./api-keys.js";
export {
  type AgentApprovalState,
  approvalRequestHash,
  checkRedemption,
  consumeApproval,
  type OpenedApproval,
  openApprovalRequest,
  REDEEM_WINDOW_MS,
  type Redemption,
  readApprovalState,
} from "./approvals.js";
export {
  type Checkpoint,
  checkpointHolds,
  checkpointKeyFromEnv,
  signCheckpoint,
} from "./checkpoint.js";
export {
  type DecisionConfig,
  type LiveVersion,
  loadDecisionConfig,
  readDecisionStamp,
} from "./config.js";
export { SERVER_KEYS, type ServerKey, type ServerValues, serverContext } from "./context.js";
export {
  type ApprovalEntryVersion,
  type CheckedLimit,
  type DecisionCaller,
  type DecisionOutcome,
  type DecisionRequestBody,
  decide,
  type MatchedVersion,
} from "./decide.js";
export {
  type AppendedRecord,
  type DecisionLogSink,
  type DecisionRecordInput,
  GroupCommitLog,
  type GroupCommitOptions,
  newDecisionId,
  writeBatch,
  writeBatchOn,
} from "./decision-log.js";
export { type DeclaredUsage, declaredUsage } from "./declared-usage.js";
export {
  type ExportDecisionsInput,
  exportDecisionPage,
  exportDecisionsInput,
  openDecisionExport,
} from "./export.js";
export {
  type DecisionFilters,
  decisionFiltersInput,
  decisionWhere,
} from "./filters.js";
export {
  type DecisionItem,
  type DecisionPage,
  getDecision,
  getDecisionInput,
  type ListDecisionsInput,
  listDecisions,
  listDecisionsInput,
} from "./list.js";
export { recordHash } from "./record-hash.js";
export { isRecorded, recordOf } from "./record-of.js";
export { redactText, redactValue } from "./redact.js";
export { enforceRetention, type RetentionOptions, type RetentionReport } from "./retention.js";
export {
  type DecisionBucket,
  type DecisionStats,
  decisionStats,
  decisionStatsInput,
} from "./stats.js";
export {
  costMicros,
  decisionOnRecord,
  overLimits,
  recordUsage,
  type UsageCaller,
} from "./usage.js";
export {
  type ChainProblem,
  type ChainReport,
  verifyChain,
  verifyChainInput,
} from "./verify-chain.js";
