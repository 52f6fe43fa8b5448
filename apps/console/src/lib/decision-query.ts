/**
 * The decision explorer's URL query ↔ the decisions.list filters. The same query, minus paging,
 * builds the export's link, so a download holds exactly the filtered records. A time from a
 * `datetime-local` field has no zone: it is read as UTC (the page says so).
 */
export const FILTER_KEYS = [
  "workspaceId",
  "agentId",
  "decision",
  "reason",
  "action",
  "resource",
  "from",
  "to",
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];
export type DecisionQuery = Partial<Record<FilterKey | "cursor", string>>;

const LOCAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/;

/** The filters present (trimmed, empty ones dropped), times without a zone taken as UTC. */
export function filtersOf(query: DecisionQuery): Partial<Record<FilterKey, string>> {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key]?.trim();
    if (!value) continue;
    filters[key] = (key === "from" || key === "to") && LOCAL_TIME.test(value) ? `${value}Z` : value;
  }
  return filters;
}

/** The export's URL for these filters. */
export function exportHref(
  orgId: string,
  filters: Partial<Record<FilterKey, string>>,
  format: "csv" | "jsonl",
): string {
  return `/api/v1/decisions/export?${new URLSearchParams({ organizationId: orgId, ...filters, format })}`;
}

/** The explorer's own URL for these filters (and a page). */
export function explorerHref(
  orgId: string,
  filters: Partial<Record<FilterKey, string>>,
  cursor?: string,
): string {
  const query = new URLSearchParams({ ...filters, ...(cursor ? { cursor } : {}) });
  const text = query.toString();
  return `/app/${orgId}/decisions${text ? `?${text}` : ""}`;
}
