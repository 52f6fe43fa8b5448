/**
 * Per-request results of conditions. Big sets repeat conditions (the same CIDR test in a hundred
 * statements); equal conditions share a slot, so each is evaluated once per decision. A slot is
 * valid when its stamp equals the request's stamp, so nothing is cleared between requests.
 */
import type { EvaluationErrorCode } from "../types.js";

export interface ConditionMemo {
  stamps: Int32Array;
  results: Uint8Array;
  codes: EvaluationErrorCode[];
  messages: string[];
}

export function newConditionMemo(slots: number): ConditionMemo {
  return {
    stamps: new Int32Array(slots).fill(-1),
    results: new Uint8Array(slots),
    codes: new Array<EvaluationErrorCode>(slots).fill("UnreadableValue"),
    messages: new Array<string>(slots).fill(""),
  };
}
