/**
 * CSV for the decision export: RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted,
 * quotes doubled; lines end in CRLF) and OWASP's CSV-injection rule: a cell starting with
 * = + - @ tab or CR gets a leading apostrophe, so a spreadsheet shows it as text instead of
 * running it as a formula. Small enough to keep here rather than add a dependency.
 */
import type { DecisionExportLine } from "@sekuire/contracts";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: null/undefined empty, objects as JSON, then defused and quoted as needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** The export's columns, in the order of the JSON line (`sekuire.decision/v1`). */
export const DECISION_CSV_COLUMNS = [
  "id",
  "organizationId",
  "workspaceId",
  "seq",
  "time",
  "agentId",
  "apiKeyId",
  "requestId",
  "action",
  "resource",
  "decision",
  "reason",
  "matched",
  "approvalId",
  "context",
  "details",
  "latencyUs",
  "retentionUntil",
  "prevHash",
  "hash",
] as const satisfies readonly (keyof DecisionExportLine)[];

export const decisionCsvHeader = () => csvRow(DECISION_CSV_COLUMNS);

export const decisionCsvRow = (line: DecisionExportLine) =>
  csvRow(DECISION_CSV_COLUMNS.map((column) => line[column]));
