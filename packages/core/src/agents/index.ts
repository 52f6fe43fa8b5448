// Agents and their API keys, and the decision API's key check.
export type { AgentView } from "./agent-view.js";
export { type ApiKeyStatus, apiKeyStatus } from "./api-key-status.js";
export type { ApiKeyView } from "./api-key-view.js";
export { type CreateAgentInput, createAgent, createAgentInput } from "./create-agent.js";
export {
  type CreateApiKeyInput,
  type CreatedApiKey,
  createApiKey,
  createApiKeyInput,
} from "./create-api-key.js";
export { type DeleteAgentInput, deleteAgent, deleteAgentInput } from "./delete-agent.js";
export { findAgent } from "./find-agent.js";
export {
  type SetAgentFrozenInput,
  setAgentFrozen,
  setAgentFrozenInput,
} from "./freeze-agent.js";
export {
  type GetAgentInput,
  getAgent,
  getAgentInput,
  type ListAgentsInput,
  listAgents,
  listAgentsInput,
} from "./list-agents.js";
export { type ListApiKeysInput, listApiKeys, listApiKeysInput } from "./list-api-keys.js";
export { type RevokeApiKeyInput, revokeApiKey, revokeApiKeyInput } from "./revoke-api-key.js";
export {
  type RotateApiKeyInput,
  type RotatedApiKey,
  rotateApiKey,
  rotateApiKeyInput,
} from "./rotate-api-key.js";
export { type ApiKeyRefusal, type ApiKeyVerification, verifyApiKey } from "./verify-api-key.js";
