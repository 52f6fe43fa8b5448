// @sekuire/contracts: the one wire format, shared by every server and client (the SDK imports
// nothing else). The OpenAPI document is generated from these schemas: `@sekuire/contracts/openapi`.
export * from "./approvals.js";
export * from "./authzen.js";
export * from "./decision-export.js";
export * from "./decisions.js";
export * from "./engine-decision.js";
export * from "./errors.js";
export * from "./slug.js";
export * from "./webhooks.js";
