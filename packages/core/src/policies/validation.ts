/**
 * Server-side validation with the same engine the editor runs in the browser, so what the console
 * showed as valid is exactly what the server accepts. Findings travel as AppError details with
 * their pointer and position, so the editor can underline them where they are.
 */
import { type Finding, type Policy, parsePolicy } from "@sekuire/policy-engine";
import { AppError, type ErrorDetail } from "../errors/index.js";

export function findingDetail(finding: Finding): ErrorDetail {
  const detail: ErrorDetail = {
    pointer: finding.pointer,
    message: finding.message,
    code: finding.code,
  };
  if (finding.line !== undefined) detail.line = finding.line;
  if (finding.column !== undefined) detail.column = finding.column;
  return detail;
}

/**
 * Parses a document and refuses it when the engine reports any error: every error comes back at
 * once. Warnings do not block; they are returned for the caller to show.
 */
export function assertValidDocument(
  document: string,
  message: string,
): { policy: Policy; warnings: Finding[] } {
  const parsed = parsePolicy(document);
  if (!parsed.ok) {
    const errors = parsed.findings.filter((f) => f.severity === "error");
    throw new AppError("UNPROCESSABLE_CONTENT", message, errors.map(findingDetail));
  }
  return { policy: parsed.policy, warnings: parsed.findings };
}
