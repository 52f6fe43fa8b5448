import type { Span } from "./json/tree.js";
import type { ErrorCode, Finding, WarningCode } from "./types.js";

/** A finding before positions are attached: `at` says whether to underline the key or the value. */
export interface RawFinding extends Finding {
  at?: "key" | "value";
  span?: Span;
}

/** Collects findings; validation never stops at the first problem. */
export class Findings {
  readonly list: RawFinding[] = [];

  error(
    code: ErrorCode,
    pointer: string,
    message: string,
    at?: "key" | "value",
    span?: Span,
  ): void {
    this.list.push({ severity: "error", code, pointer, message, at, span });
  }

  warning(code: WarningCode, pointer: string, message: string, at?: "key" | "value"): void {
    this.list.push({ severity: "warning", code, pointer, message, at });
  }

  get hasErrors(): boolean {
    return this.list.some((f) => f.severity === "error");
  }
}

/** Public findings: plain objects without internal hints. */
export function publicFinding(f: RawFinding): Finding {
  const out: Finding = {
    severity: f.severity,
    code: f.code,
    pointer: f.pointer,
    message: f.message,
  };
  if (f.line !== undefined) {
    out.line = f.line;
    out.column = f.column;
    out.endLine = f.endLine;
    out.endColumn = f.endColumn;
  }
  return out;
}
