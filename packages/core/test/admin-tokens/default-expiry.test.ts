/**
 * Tokens expire by default after 90 days, as GitHub's do (issue 10, item 6); a date of one's own
 * or an explicit "never" (null) is still a choice.
 */
import { describe, expect, it } from "vitest";
import {
  createAdminToken,
  DEFAULT_TOKEN_LIFETIME_DAYS,
  verifyAdminToken,
} from "../../src/admin-tokens/index.js";
import {
  auditEvents,
  createTestOrganization,
  expectAppError,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();
const DAY_MS = 24 * 60 * 60 * 1000;

describe("admin token expiry", () => {
  it("a token created without an expiry expires 90 days later, and is refused from then on", async () => {
    expect(DEFAULT_TOKEN_LIFETIME_DAYS).toBe(90);
    const org = await createTestOrganization(t.db);
    const now = new Date();
    const ninetyDays = new Date(now.getTime() + 90 * DAY_MS);
    const { token, secret } = await createAdminToken(
      t.db,
      org.admin,
      { organizationId: org.id, name: "ci", role: "admin" },
      now,
    );
    expect(token.expiresAt?.getTime()).toBe(ninetyDays.getTime());
    const row = await t.db.adminToken.findFirstOrThrow({
      where: { organizationId: org.id, id: token.id },
    });
    expect(row.expiresAt?.getTime()).toBe(ninetyDays.getTime());
    expect(await verifyAdminToken(t.db, secret, new Date(ninetyDays.getTime() - 1))).not.toBeNull();
    expect(await verifyAdminToken(t.db, secret, ninetyDays)).toBeNull();
    const [event] = await auditEvents(t.db, org.id, "admin_token.created");
    expect(event?.details).toMatchObject({ expiresAt: ninetyDays.toISOString() });
  });

  it("keeps a date of the caller's choosing, and null as an explicit 'never'", async () => {
    const org = await createTestOrganization(t.db);
    const now = new Date();
    const inAWeek = new Date(now.getTime() + 7 * DAY_MS);
    const dated = await createAdminToken(
      t.db,
      org.admin,
      { organizationId: org.id, name: "week", role: "viewer", expiresAt: inAWeek.toISOString() },
      now,
    );
    expect(dated.token.expiresAt?.getTime()).toBe(inAWeek.getTime());
    const never = await createAdminToken(
      t.db,
      org.admin,
      { organizationId: org.id, name: "forever", role: "viewer", expiresAt: null },
      now,
    );
    expect(never.token.expiresAt).toBeNull();
    const [, forever] = await auditEvents(t.db, org.id, "admin_token.created");
    expect(forever?.details).toMatchObject({ name: "forever", expiresAt: null });
  });

  it("refuses an expiry in the past or that is not a date, at /expiresAt", async () => {
    const org = await createTestOrganization(t.db);
    for (const expiresAt of [new Date(Date.now() - 1000).toISOString(), "soon"]) {
      const error = await expectAppError(
        createAdminToken(t.db, org.admin, {
          organizationId: org.id,
          name: "x",
          role: "viewer",
          expiresAt,
        }),
        "BAD_REQUEST",
      );
      expect(error.details?.map((d) => d.pointer)).toEqual(["/expiresAt"]);
    }
  });
});
