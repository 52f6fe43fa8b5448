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
  /**
   * Request values by (key, reader): looked up and read once per decision, however many
   * conditions test them (a hundred CIDR tests of one `source.ip` parse it once).
   */
  valueStamps: Int32Array;
  raw: unknown[];
  read: unknown[];
}

/** A value slot whose typed reading was not asked for yet in this request. */
export const NOT_READ: unique symbol = Symbol("not read");

export function newConditionMemo(slots: number, valueSlots: number): ConditionMemo {
  return {
    stamps: new Int32Array(slots).fill(-1),
    results: new Uint8Array(slots),
    codes: new Array<EvaluationErrorCode>(slots).fill("UnreadableValue"),
    messages: new Array<string>(slots).fill(""),
    valueStamps: new Int32Array(valueSlots).fill(-1),
    raw: new Array<unknown>(valueSlots).fill(undefined),
    read: new Array<unknown>(valueSlots).fill(NOT_READ),
  };
}
