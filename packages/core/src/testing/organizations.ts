import type { Db } from "@sekuire/db";
import { createOrganization } from "../organizations/index.js";
import { addMember, createUser, type UserPrincipal } from "./people.js";

export interface TestOrganization {
  id: string;
  owner: UserPrincipal;
  admin: UserPrincipal;
  approver: UserPrincipal;
  viewer: UserPrincipal;
}

/** An organization (created by its owner through the service) with one member of each role. */
export async function createTestOrganization(db: Db, name = "Acme"): Promise<TestOrganization> {
  const owner = await createUser(db, "owner");
  const organization = await createOrganization(db, owner, { name });
  return {
    id: organization.id,
    owner,
    admin: await addMember(db, organization.id, "admin"),
    approver: await addMember(db, organization.id, "approver"),
    viewer: await addMember(db, organization.id, "viewer"),
  };
}

export interface PolicyTestOrganization extends TestOrganization {
  /** a second admin, for four eyes */
  admin2: UserPrincipal;
  /** the workspaces "production" and "staging" */
  workspace: string;
  workspace2: string;
}

let counter = 0;

/** What the policy tests start from: a test organization, a second admin, two workspaces. */
export async function createPolicyTestOrganization(
  db: Db,
  options: { fourEyes?: boolean } = {},
): Promise<PolicyTestOrganization> {
  counter += 1;
  const org = await createTestOrganization(db, `Org ${counter}`);
  if (options.fourEyes)
    await db.organization.update({ where: { id: org.id }, data: { requireFourEyes: true } });
  const workspace = async (slug: string) =>
    (await db.workspace.create({ data: { organizationId: org.id, name: slug, slug } })).id;
  return {
    ...org,
    admin2: await addMember(db, org.id, "admin", "admin2"),
    workspace: await workspace("production"),
    workspace2: await workspace("staging"),
  };
}
