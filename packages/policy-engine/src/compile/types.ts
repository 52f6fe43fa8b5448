import type { StatementIR } from "../ir.js";
import type { MatchedStatement } from "../types.js";

/**
 * A statement as the evaluator sees it: its policy, its order, and a per-request visit stamp.
 * The stamp is written by every evaluate(), which is why a compiled set (compile.ts) belongs to
 * one thread.
 */
export interface CompiledStatement {
  /** position across all policies, for deterministic output order */
  ordinal: number;
  policyId: string | undefined;
  ir: StatementIR;
  deny: boolean /** Resource includes `*` (and nothing that could record an error): no resource check needed */;
  anyResource: boolean;
  /** some Resource pattern has a variable, so every pattern must be tried (errors are recorded) */
  resourceTemplates: boolean /** the evaluation that last visited it; lets a statement sit in several index lists */;
  stamp: number /** how decisions name it (built once, frozen, shared by every decision it decides) */;
  matched: MatchedStatement;
  /** per condition, its slot in the set's per-request memo (equal conditions share one) */ conditionSlots: number[];
  /** per condition, the memo slot of the request value it reads (its key and reader) */
  valueSlots: number[];
}
