/**
 * Issue 10, item 6, as a script sees it over HTTP: an admin's token stops working when the owner
 * removes that admin, acts with no more than the creator's current role, and says why (403
 * token_creator_not_member) when its creator is gone without the token having been revoked.
 */
import {
  createTestOrganization,
  emailOf,
  type TestOrganization,
  useTestDatabase,
} from "@sekuire/core/testing";
import { describe, expect, it } from "vitest";
import { serveApiForFile } from "./support/server.js";
import { callerFor } from "./support/world.js";

const database = useTestDatabase();
const api = serveApiForFile(() => database.db);

function call(secret: string, path: string, input: unknown, method: "GET" | "POST" = "GET") {
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
  if (method === "GET") {
    const query = `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return fetch(`${api.base()}/${path}${query}`, { headers });
  }
  return fetch(`${api.base()}/${path}`, { method, headers, body: JSON.stringify(input) });
}

async function errorData(response: Response) {
  const body = (await response.json()) as {
    error: { data: { code: string; message: string; details: { code?: string }[] } };
  };
  return body.error.data;
}

/** An admin token the org's admin creates in the console (a signed-in user). */
async function adminsToken(org: TestOrganization) {
  const created = await callerFor(database.db, org.admin).adminTokens.create({
    organizationId: org.id,
    name: "deploy",
    role: "admin",
  });
  return created.secret;
}

describe("an admin token over HTTP follows its creator's standing", () => {
  it("the issue's scenario: after the owner removes the admin, the token cannot list, create or invite", async () => {
    const org = await createTestOrganization(database.db);
    const secret = await adminsToken(org);
    const organizationId = org.id;
    expect((await call(secret, "workspaces.list", { organizationId })).status).toBe(200);

    await callerFor(database.db, org.owner).members.remove({
      organizationId,
      userId: org.admin.userId,
    });

    const calls = [
      call(secret, "workspaces.list", { organizationId }),
      call(secret, "workspaces.create", { organizationId, name: "After" }, "POST"),
      call(
        secret,
        "members.invitations.create",
        { organizationId, email: await emailOf(database.db, org.admin), role: "admin" },
        "POST",
      ),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(401);
      expect((await errorData(response)).code).toBe("UNAUTHORIZED");
    }
    const tokens = await callerFor(database.db, org.owner).adminTokens.list({ organizationId });
    expect(tokens.map((t) => t.status)).toEqual(["revoked"]);
  });

  it("a creator demoted to viewer behind the API's back leaves a read-only token (403 on writes)", async () => {
    const org = await createTestOrganization(database.db);
    const secret = await adminsToken(org);
    await database.db.membership.update({
      where: { organizationId_userId: { organizationId: org.id, userId: org.admin.userId } },
      data: { role: "viewer" },
    });
    expect((await call(secret, "workspaces.list", { organizationId: org.id })).status).toBe(200);
    const write = await call(
      secret,
      "workspaces.create",
      { organizationId: org.id, name: "No" },
      "POST",
    );
    expect(write.status).toBe(403);
    expect((await errorData(write)).message).toContain("acts as viewer");
  });

  it("a creator gone behind the API's back: 403 with the code token_creator_not_member", async () => {
    const org = await createTestOrganization(database.db);
    const secret = await adminsToken(org);
    await database.db.membership.delete({
      where: { organizationId_userId: { organizationId: org.id, userId: org.admin.userId } },
    });
    for (const response of [
      await call(secret, "workspaces.list", { organizationId: org.id }),
      await call(secret, "workspaces.create", { organizationId: org.id, name: "No" }, "POST"),
    ]) {
      expect(response.status).toBe(403);
      const data = await errorData(response);
      expect(data.code).toBe("FORBIDDEN");
      expect(data.details.map((d) => d.code)).toEqual(["token_creator_not_member"]);
    }
  });

  it("a token made without an expiry shows one 90 days out", async () => {
    const org = await createTestOrganization(database.db);
    const before = Date.now();
    await adminsToken(org);
    const [token] = await callerFor(database.db, org.owner).adminTokens.list({
      organizationId: org.id,
    });
    const days = (new Date(token?.expiresAt ?? 0).getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThan(90.01);
  });
});
