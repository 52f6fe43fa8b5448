// @sekuire/db: the Prisma client for /prisma/schema.prisma (guarded by tenant, created lazily),
// prefixed ids and the model types. The migration runner is at "@sekuire/db/migrate".
export {
  type CreateDbOptions,
  createDb,
  createSqlPool,
  type Db,
  type DbTransaction,
  db,
  disconnectDb,
  getDb,
  type SqlClient,
  type SqlPool,
  type SqlPoolOptions,
  type UnscopedDb,
} from "./client.js";
export * from "./enums.js";
export { dbEnv } from "./env.js";
export { Prisma } from "./generated/prisma/client.js";
export type * from "./generated/prisma/models.js";
export { ID_PREFIXES, type IdModel, type IdPrefix, isId, newId } from "./ids.js";
export { assertScoped, TENANT_MODELS, TenantScopeError, tenantGuard } from "./tenant-guard.js";
