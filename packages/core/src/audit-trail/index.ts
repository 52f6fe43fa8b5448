// The admin audit trail, read side: the events recordAudit wrote, filtered for the console.
export type { AuditEventView } from "./audit-event-view.js";
export {
  type AuditEventPage,
  type ListAuditEventsInput,
  listAuditEvents,
  listAuditEventsInput,
} from "./list-audit-events.js";
