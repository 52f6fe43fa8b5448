/** ResourceLimits (spec §6): every value normalised to an integer of a fixed unit. */
import type { Findings } from "../findings.js";
import { child } from "../json/pointer.js";
import { describeKind, type JNode, type JObject } from "../json/tree.js";
import type { EffectiveLimits } from "../types.js";
import { checkFields } from "./read.js";

export const LIMIT_FIELDS = [
  "MaxExecutionTime",
  "MaxTokens",
  "MaxCostPerHour",
  "MaxMemory",
  "MaxStorage",
  "MaxConcurrentRequests",
  "MaxApiCallsPerHour",
] as const;

type LimitName = (typeof LIMIT_FIELDS)[number];
type Parse = (node: JNode) => number | string;

const DAY = 24 * 3600;
const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };
const SIZE_UNITS: Record<string, number> = {
  B: 1,
  KB: 2 ** 10,
  MB: 2 ** 20,
  GB: 2 ** 30,
  TB: 2 ** 40,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

function positiveInteger(node: JNode): number | string {
  if (node.kind !== "number" || !Number.isSafeInteger(node.value) || node.value <= 0)
    return "must be a positive whole number";
  return node.value;
}

function duration(node: JNode): number | string {
  let seconds: number | undefined;
  if (node.kind === "number" && Number.isInteger(node.value)) seconds = node.value;
  else if (node.kind === "string") {
    const m = /^([0-9]{1,9})(s|m|h)$/.exec(node.value);
    if (m) seconds = Number(m[1]) * (DURATION_UNITS[m[2] as string] as number);
  }
  if (seconds === undefined)
    return 'must be a duration such as "600s", "5m", "1h" or a whole number of seconds';
  if (seconds < 1 || seconds > DAY) return "must be between 1 second and 24 hours";
  return seconds;
}

function size(node: JNode): number | string {
  let bytes: number | undefined;
  if (node.kind === "number" && Number.isSafeInteger(node.value)) bytes = node.value;
  else if (node.kind === "string") {
    const m = /^([0-9]{1,15}(?:\.[0-9]{1,6})?) ?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/.exec(node.value);
    if (m) bytes = Math.floor(Number(m[1]) * (SIZE_UNITS[m[2] as string] as number));
  }
  if (bytes === undefined)
    return 'must be a size such as "512MB", "8GB" or "1.5GiB" (GB = 2^30 bytes), or a number of bytes';
  if (bytes <= 0 || !Number.isSafeInteger(bytes)) return "must be more than zero and at most 8 PiB";
  return bytes;
}

/** USD as integer micro-dollars, parsed from the decimal text so that no float rounding creeps in. */
function cost(node: JNode): number | string {
  const text =
    node.kind === "number" ? String(node.value) : node.kind === "string" ? node.value : "";
  const m = /^\$?([0-9]{1,12})(?:\.([0-9]{1,6}))?$/.exec(text);
  if (!m) return 'must be an amount in USD such as "$10.00" or 10 (at most 6 decimals)';
  const micros = Number(m[1]) * 1_000_000 + Number((m[2] ?? "").padEnd(6, "0"));
  if (micros <= 0) return "must be more than zero";
  return micros;
}

const PARSERS: Record<LimitName, Parse> = {
  MaxExecutionTime: duration,
  MaxTokens: positiveInteger,
  MaxCostPerHour: cost,
  MaxMemory: size,
  MaxStorage: size,
  MaxConcurrentRequests: positiveInteger,
  MaxApiCallsPerHour: positiveInteger,
};

/** The value as the user wrote it, for messages. */
export function shown(node: JNode): string {
  return node.kind === "string" || node.kind === "number" || node.kind === "boolean"
    ? JSON.stringify(node.value)
    : describeKind(node);
}

export function validateLimits(obj: JObject, pointer: string, f: Findings): EffectiveLimits {
  checkFields(obj, pointer, LIMIT_FIELDS, "a `ResourceLimits`", f);
  const out: EffectiveLimits = {};
  for (const name of LIMIT_FIELDS) {
    const m = obj.members.find((mm) => mm.key === name);
    if (!m) continue;
    const result = PARSERS[name](m.value);
    if (typeof result === "number") out[name] = result;
    else {
      const got = shown(m.value);
      f.error("InvalidLimit", child(pointer, name), `\`${name}\` ${result}; got ${got}.`);
    }
  }
  return out;
}
