// Organization admin tokens (`sek_admin_…`) for scripts and the CLI, and their check.
export type { AdminTokenView } from "./admin-token-view.js";
export {
  type CreateAdminTokenInput,
  type CreatedAdminToken,
  createAdminToken,
  createAdminTokenInput,
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
export { type AdminTokenPrincipal, verifyAdminToken } from "./verify-admin-token.js";
