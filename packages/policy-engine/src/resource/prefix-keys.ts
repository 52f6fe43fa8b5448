/**
 * A resource's index keys: the FNV hash of the resource up to each of its first `/`s. The resource
 * index looks candidate lists up by them (see compile/resource-index.ts). Canonicalisation's
 * one-pass check fills them while it reads each character anyway (a second pass over the string
 * cost a decision more than the rest of its lookups); any other path leaves them to be hashed on
 * demand, only as deep as some list asks.
 */
import { FNV_OFFSET, fnvStep } from "./hash.js";

/** Keys stop after this many `/`, so a request with thousands of slashes costs a bounded lookup. */
export const MAX_KEY_DEPTH = 12;

export interface ResourceKeys {
  resource: string;
  /** prefixes[d - 1]: hash of the resource up to its d-th `/` (valid below `count`) */
  prefixes: number[];
  count: number;
  /** where hashing stopped, and the hash so far */
  pos: number;
  hash: number;
}

export function newResourceKeys(): ResourceKeys {
  return {
    resource: "",
    prefixes: new Array<number>(MAX_KEY_DEPTH).fill(0),
    count: 0,
    pos: 0,
    hash: FNV_OFFSET,
  };
}

/** Keys for `resource`, none hashed yet. */
export function resetKeys(keys: ResourceKeys, resource: string): void {
  keys.resource = resource;
  keys.count = 0;
  keys.pos = 0;
  keys.hash = FNV_OFFSET;
}

/** Hashes on until `depth` prefixes are known (or the resource ends), allocating nothing. */
export function hashTo(keys: ResourceKeys, depth: number): void {
  const s = keys.resource;
  let h = keys.hash;
  let count = keys.count;
  let i = keys.pos;
  for (; i < s.length && count < depth; i++) {
    const c = s.charCodeAt(i);
    h = fnvStep(h, c);
    if (c === 47) keys.prefixes[count++] = h;
  }
  keys.pos = i;
  keys.hash = h;
  keys.count = count;
}
