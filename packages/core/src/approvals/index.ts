// Approval requests: people decide them (the agent's side, opening and redeeming, is in
// decisions/). The console's inbox and the worker's notifications build on these.

export {
  type ApprovalDetail,
  approvalDetailSelect,
  toApprovalDetail,
} from "./approval-detail.js";
export {
  type ApprovalRow,
  type ApprovalView,
  type ApprovalViewStatus,
  approvalSelect,
  effectiveStatus,
  toApprovalView,
} from "./approval-view.js";
export {
  type DecideApprovalInput,
  decideApproval,
  decideApprovalInput,
} from "./decide-approval.js";
export { approvalUrl, type DeliveryReport, deliverNotifications } from "./deliver.js";
export { getApproval, getApprovalInput } from "./get-approval.js";
export {
  type ApprovalRef,
  type ExpireResult,
  expireApproval,
  type SweepFindings,
  sweepApprovals,
  unresolvedWebhook,
} from "./lifecycle.js";
export {
  type ApprovalInbox,
  countPendingApprovals,
  listApprovals,
  listApprovalsInput,
} from "./list-approvals.js";
export {
  type Channel,
  completeStep,
  type Delivery,
  type NotificationPlan,
  type NotificationSubject,
  type NotifyStep,
  planNotifications,
  recordDelivery,
} from "./notifications.js";
