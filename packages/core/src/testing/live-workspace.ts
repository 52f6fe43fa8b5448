import type { Db } from "@sekuire/db";
import { createAgent, createApiKey } from "../agents/index.js";
import { assignPolicy, createPolicy, publishPolicy } from "../policies/index.js";
import { createPolicyTestOrganization } from "./organizations.js";

/** An organization whose "production" workspace has `document` live and an agent with a key. */
export async function liveWorkspace(db: Db, document: string) {
  const org = await createPolicyTestOrganization(db);
  const { policy } = await createPolicy(db, org.admin, {
    organizationId: org.id,
    name: "Live",
    document,
  });
  await publishPolicy(db, org.admin, {
    organizationId: org.id,
    policyId: policy.id,
    changeNote: "first",
    document,
  });
  await assignPolicy(db, org.admin, {
    organizationId: org.id,
    policyId: policy.id,
    workspaceId: org.workspace,
  });
  const agent = await createAgent(db, org.admin, {
    organizationId: org.id,
    workspaceId: org.workspace,
    name: "bot",
  });
  const { key, secret } = await createApiKey(db, org.admin, {
    organizationId: org.id,
    agentId: agent.id,
  });
  return { org, policyId: policy.id, agent, key, secret };
}
