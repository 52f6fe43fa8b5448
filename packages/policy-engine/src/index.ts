/**
 * @sekuire/policy-engine: parse -> validate/lint -> compile -> evaluate/explain. Pure: no I/O,
 * no clock (pass `now`), no globals; the same code runs in Node, the browser and the CLI.
 */
export {
  type CompiledPolicyInfo,
  CompiledPolicySet,
  compile,
  type PolicyEntry,
} from "./compile/compile.js";
export { evaluate } from "./evaluate/evaluate.js";
export { type JsonSpan, jsonLocations } from "./json/locations.js";
export { escapeToken as escapePointerToken, pointerOf } from "./json/pointer.js";
export { ACTION_CATALOG } from "./lint/catalog.js";
export { PLATFORM_KEYS } from "./lint/lint.js";
export { canonicalAction } from "./match/action.js";
export { type ParseResult, parsePolicy } from "./parse.js";
export {
  approvalRuleOf,
  type Policy,
  type PolicyDocument,
  type StatementDocument,
} from "./policy.js";
export { canonicalizeResource } from "./resource/canonical.js";
export { policyJsonSchema } from "./schema.js";
export { getTemplate, type PolicyTemplate, type TemplateId, templates } from "./templates/index.js";
export { runPolicyTestSuite, type TestOutcome } from "./testing/suite.js";
export * from "./types.js";
export const ENGINE_VERSION = "0.1.0";
export const POLICY_VERSIONS: readonly string[] = ["2024-12-02"];
