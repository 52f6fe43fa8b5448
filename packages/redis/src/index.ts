export { type ConnectOptions, connectRedis, type Redis } from "./connect.js";
export {
  type Announcer,
  APPROVALS_CHANNEL,
  connectAnnouncer,
  DECISION_CHANGES_CHANNEL,
  type DecisionChangeHandlers,
  type DecisionChangeSubscription,
  redisAnnouncer,
  subscribeDecisionChanges,
} from "./decision-changes.js";
export { LIMIT_WINDOW_MINUTES, type LimitKeys, limitKeyList, limitKeys } from "./limit-keys.js";
export { type LimitUsage, readLimitUsage } from "./limit-usage.js";
