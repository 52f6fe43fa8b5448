// @sekuire/core/demo: the demo organization that `pnpm start` seeds, and its state file.
export {
  type CredentialsOutcome,
  DEMO_AGENT_NAME,
  DEMO_EMAIL,
  DEMO_KEY_NAME,
  DEMO_ORGANIZATION_NAME,
  DEMO_WORKSPACES,
  generatePassword,
  type SeedDemoOptions,
  type SeedDemoResult,
  type SeededWorkspace,
  type SeedStatus,
  seedDemo,
} from "./seed-demo.js";
export {
  DEMO_WORKSPACE_SLUGS,
  type DemoState,
  type DemoWorkspaceSlug,
  demoStateSchema,
  formatDemoState,
  readDemoState,
  writeDemoState,
} from "./state-file.js";
