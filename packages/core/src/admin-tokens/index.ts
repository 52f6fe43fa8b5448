// Organization admin tokens (`sek_admin_…`) for scripts and the CLI, and their check.
export type { AdminTokenView } from "./admin-token-view.js";
export {
  type CreateAdminTokenInput,
  type CreatedAdminToken,
  createAdminToken,
  createAdminTokenInput,
  DEFAULT_TOKEN_LIFETIME_DAYS,
} from "./create-admin-token.js";
export {
  type ListAdminTokensInput,
  listAdminTokens,
  listAdminTokensInput,
} from "./list-admin-tokens.js";
export {
  type RevokeAdminTokenInput,
  revokeAdminToken,
  revokeAdminTokenInput,
} from "./revoke-admin-token.js";
export { revokeTokensOfMember, type TokenRevocationReason } from "./revoke-member-tokens.js";
export { TOKEN_CREATOR_NOT_MEMBER } from "./token-standing.js";
export { type AdminTokenPrincipal, verifyAdminToken } from "./verify-admin-token.js";
