// The tenant guard (cal.com's where-clause guard): a Prisma client extension that refuses any
// query on a tenant model that does not pin the organization, so a forgotten filter fails loudly
// in development and tests instead of leaking another organization's rows.
//
// What counts as pinned: the where clause (or, for creates, the data) gives one of the model's
// scope fields a non-empty string: directly (`organizationId: id`), as `{ equals: id }`, inside a
// compound unique key (`organizationId_slug: { organizationId, slug }`) or in a top-level AND.
// `undefined` does not count: Prisma drops undefined filters, which is the classic leak.
// The scope field is organizationId. A few reads legitimately start elsewhere and may pin
// instead the field that proves the caller's right: a member listing their own memberships
// (userId), or a secret's SHA-256 (secretHash, tokenHash), which only its holder can present.
// Writes always name the organization, so "remove this member" cannot reach every organization.
//
// It checks top-level queries. Nested reads and writes go through a parent that was itself
// scoped; Organization, User and the sign-in tables are not tenant data. Raw SQL is not checked.
// System jobs (retention, expiry sweeps) that must cross organizations use `db.$unscoped`,
// which makes the exception visible in review.
import { Prisma } from "./generated/prisma/client.js";

/** The tenant models, each with the fields besides organizationId that may scope a read. */
export const TENANT_MODELS: Readonly<Record<string, readonly string[]>> = {
  Membership: ["userId"],
  Invitation: ["tokenHash"],
  Workspace: [],
  Policy: [],
  PolicyVersion: [],
  PublishRequest: [],
  PolicyAssignment: [],
  Agent: [],
  ApiKey: ["secretHash"],
  AdminToken: ["secretHash"],
  AdminAuditEvent: [],
  DecisionLog: [],
  DecisionChain: [],
  DecisionUsage: [],
  ApprovalRequest: [],
  ApprovalNotification: [],
  WebhookDelivery: [],
};

const READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn"]);

export class TenantScopeError extends Error {
  constructor(
    readonly model: string,
    readonly operation: string,
  ) {
    super(
      `tenant guard: ${model}.${operation} must be scoped by ${scopeFields(model, operation).join(" or ")}; ` +
        "use db.$unscoped for deliberate cross-organization work",
    );
    this.name = "TenantScopeError";
  }
}

export const tenantGuard = Prisma.defineExtension({
  name: "sekuire-tenant-guard",
  query: {
    $allModels: {
      $allOperations({ model, operation, args, query }) {
        assertScoped(model, operation, args);
        return query(args);
      },
    },
  },
});

/** Throws TenantScopeError unless the query on `model` pins one of its scope fields. */
export function assertScoped(model: string, operation: string, args: unknown): void {
  if (!Object.hasOwn(TENANT_MODELS, model)) return;
  const fields = scopeFields(model, operation);
  const { where, data, create } = (args ?? {}) as Record<string, unknown>;
  const scoped = CREATES.has(operation)
    ? (Array.isArray(data) ? data : [data]).every((row) => dataIsScoped(row, fields))
    : operation === "upsert"
      ? whereIsScoped(where, fields) && dataIsScoped(create, fields)
      : whereIsScoped(where, fields);
  if (!scoped) throw new TenantScopeError(model, operation);
}

function scopeFields(model: string, operation: string): readonly string[] {
  const readScopes = READS.has(operation) ? (TENANT_MODELS[model] ?? []) : [];
  return ["organizationId", ...readScopes];
}

function whereIsScoped(where: unknown, fields: readonly string[]): boolean {
  if (!isRecord(where)) return false;
  for (const [key, value] of Object.entries(where)) {
    if (fields.includes(key) && isPinned(value)) return true;
    // Compound unique keys are named after their fields joined by "_".
    if (key.includes("_") && isRecord(value) && fields.some((f) => isPinned(value[f]))) {
      return true;
    }
  }
  const and = where.AND;
  return (Array.isArray(and) ? and : [and]).some((clause) => whereIsScoped(clause, fields));
}

function dataIsScoped(data: unknown, fields: readonly string[]): boolean {
  if (!isRecord(data)) return false;
  if (fields.some((field) => isPinned(data[field]))) return true;
  // Checked create inputs connect the organization instead of setting organizationId.
  const organization = data.organization;
  return isRecord(organization) && isRecord(organization.connect)
    ? isPinned(organization.connect.id)
    : false;
}

function isPinned(value: unknown): boolean {
  if (typeof value === "string") return value.length > 0;
  return isRecord(value) && typeof value.equals === "string" && value.equals.length > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
