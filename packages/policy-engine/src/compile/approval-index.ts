/** RequireApproval entries by action: exact actions in a map, wildcard patterns in a list. */
import type { ApprovalIR } from "../ir.js";
import { type Glob, isExact, matchGlob } from "../match/glob.js";

export interface ApprovalRef {
  ordinal: number;
  policyId: string | undefined;
  pointer: string;
  glob: Glob;
  rule: ApprovalIR;
}

export class ApprovalIndex {
  private readonly exact = new Map<string, ApprovalRef[]>();
  private readonly wild: ApprovalRef[] = [];
  private count = 0;

  add(ref: ApprovalRef): void {
    this.count++;
    if (!isExact(ref.glob)) {
      this.wild.push(ref);
      return;
    }
    const list = this.exact.get(ref.glob.text);
    if (list) list.push(ref);
    else this.exact.set(ref.glob.text, [ref]);
  }

  /** Entries whose pattern matches the canonical action, in document order; undefined if none. */
  match(action: string): ApprovalRef[] | undefined {
    if (this.count === 0) return undefined;
    const exact = this.exact.get(action);
    let out: ApprovalRef[] | undefined = exact ? [...exact] : undefined;
    for (const ref of this.wild) {
      if (!matchGlob(ref.glob, action)) continue;
      out ??= [];
      out.push(ref);
    }
    if (out && out.length > 1) out.sort((a, b) => a.ordinal - b.ordinal);
    return out;
  }
}
