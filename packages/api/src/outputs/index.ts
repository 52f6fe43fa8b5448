// The declared output of every procedure (see common.ts: outputs are allow-lists).

export * from "./approvals.js";
export * from "./common.js";
export * from "./decisions.js";
export * from "./organizations.js";
export * from "./policies.js";
export * from "./webhooks.js";
export * from "./workspaces.js";
