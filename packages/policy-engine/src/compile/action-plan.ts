/**
 * What an action needs from a compiled set, worked out once per action and set: its canonical
 * form, the indexes its candidates come from, and its merged approval rule. A pure function of
 * the action text and the set (whose statements and indexes never change after compile), so it is kept in a bounded map by the text as the
 * caller spelled it: a request in the usual spelling (`file:Read`) is neither re-validated nor
 * lower-cased, and one map lookup replaces three. Never a decision: resource, context and
 * every statement are still evaluated per request.
 */
import type { Decision } from "../types.js";
import type { ResourceIndex } from "./resource-index.js";

export type Approval = NonNullable<Decision["approval"]>;

export interface ActionPlan {
  /** the canonical (lower-case) action */
  action: string;
  /** where its candidates come from: usually one merged copy of only the statements whose action
   * matches (ActionIndex.planIndexes), else the shared exact, service and global indexes */
  indexes: readonly ResourceIndex[];
  /** whether the indexes look resources up by key (else the resource's keys are never hashed) */
  keyed: boolean;
  /** the merged approval rule and entries for the action, or null when none applies */
  approval: Approval | null;
}

/** Bounded: callers choose the action strings, so an unbounded map would be theirs to grow. */
export const MAX_PLANS = 4096;
