/**
 * Sign-in end to end over plain HTTP against the built console (`next start`), with its own
 * migrated database and a real SMTP sink: magic link, password, throttling, sign-up, sign-out
 * and the audit trail.
 */
import { hashPassword } from "@sekuire/core";
import { createAdminToken } from "@sekuire/core/admin-tokens";
import { createOrganization } from "@sekuire/core/organizations";
import type { MigratedTestDatabase } from "@sekuire/db/testing";
import { createTestDatabase } from "@sekuire/db/testing";
import { type SmtpSink, startSmtpSink } from "@sekuire/email/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Console, startBrowser, startConsole } from "./harness";
import { HttpClient } from "./http-client";

let database: MigratedTestDatabase;
let sink: SmtpSink;
let server: Console;
const SECRET = "e2e-secret-0123456789abcdef0123456789abcdef";
const PASSWORD = "correct horse battery staple";

async function seedUser(email: string, orgName: string, password: string | null = PASSWORD) {
  const user = await database.db.user.create({
    data: {
      email,
      name: email.split("@")[0],
      passwordHash: password ? await hashPassword(password) : null,
    },
  });
  const org = await createOrganization(
    database.db,
    { kind: "user", userId: user.id },
    { name: orgName },
  );
  return { user, org };
}

let counter = 0;
/** A client with its own forwarded address, so per-address throttling of one test spares the others. */
function client(): HttpClient {
  counter += 1;
  return new HttpClient(server.url, { "x-forwarded-for": `203.0.113.${counter}` });
}

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
  server = await startConsole({
    env: (url) => ({
      DATABASE_URL: database.url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      SMTP_HOST: sink.host,
      SMTP_PORT: String(sink.port),
      SMTP_FROM: "Sekuire <auth@sekuire.test>",
      // The tests stand in for a proxy on loopback that appends each client's address.
      SEKUIRE_TRUSTED_PROXIES: "127.0.0.1",
    }),
  });
});

afterAll(async () => {
  await server?.stop();
  await sink?.close();
  await database?.drop();
});

describe("magic link", () => {
  it("mails a link that signs the user in, and the session calls tRPC", async () => {
    const { org } = await seedUser("ada@example.com", "Analytical Engines");
    const http = client();
    const anonymous = await http.trpcQuery("organizations.list");
    expect(anonymous.status).toBe(401);

    const res = await http.postForm("/api/auth/signin/email", {
      csrfToken: await http.csrfToken(),
      email: "ada@example.com",
      callbackUrl: `${server.url}/app`,
    });
    expect(res.status).toBe(200);
    const mail = await sink.waitFor((m) => m.to.includes("ada@example.com"));
    expect(mail.decoded).toContain("Subject: Sign in to Sekuire");
    const link = /http:\/\/127\.0\.0\.1:\d+\/api\/auth\/callback\/email\?[^\s"<]+/.exec(
      mail.decoded,
    )?.[0];
    expect(link).toBeDefined();

    const followed = await http.request(link as string);
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe(`${server.url}/app`);
    const session = await http.session();
    expect(session.user?.email).toBe("ada@example.com");
    // Sessions expire: 12 hours by default.
    const ttl = Date.parse(session.expires ?? "") - Date.now();
    expect(ttl).toBeGreaterThan(11 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(12 * 3600_000 + 60_000);

    const list =
      await http.trpcQuery<Array<{ id: string; name: string; role: string }>>("organizations.list");
    expect(list.status).toBe(200);
    expect(list.data).toEqual([
      expect.objectContaining({ id: org.id, name: "Analytical Engines", role: "owner" }),
    ]);

    // The signed-in landing page lists the organization.
    const page = await http.request("/app");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Analytical Engines");

    // The magic-link sign-in is in the organization's audit trail.
    const events = await database.db.adminAuditEvent.findMany({
      where: { organizationId: org.id, action: "auth.sign_in" },
    });
    expect(events.map((e) => e.details)).toEqual([{ method: "email" }]);

    // A link works once.
    const again = await client().request(link as string);
    expect(again.headers.get("location") ?? "").toContain("error=Verification");
  });

  it("sends nothing to an unknown email, with the same answer", async () => {
    const http = client();
    const before = sink.messages.length;
    const res = await http.postForm("/api/auth/signin/email", {
      csrfToken: await http.csrfToken(),
      email: "nobody@example.com",
      callbackUrl: `${server.url}/app`,
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages.length).toBe(before);
    expect(await database.db.user.count({ where: { email: "nobody@example.com" } })).toBe(0);
  });
});

describe("password", () => {
  it("signs in with the right password, refuses a wrong one, and signs out", async () => {
    await seedUser("grace@example.com", "Compilers Inc");
    const http = client();
    const wrong = await http.signInWithPassword("grace@example.com", "not the password");
    expect(wrong.error).toBe("Wrong email or password.");
    expect((await http.session()).user).toBeUndefined();

    const right = await http.signInWithPassword("Grace@Example.com", PASSWORD);
    expect(right.error).toBeNull();
    expect((await http.session()).user?.email).toBe("grace@example.com");
    const list = await http.trpcQuery<Array<{ name: string }>>("organizations.list");
    expect(list.data?.map((o) => o.name)).toEqual(["Compilers Inc"]);

    // A copy of the session cookie, as a thief would keep it.
    const copy = client();
    for (const [name, value] of http.cookies) copy.cookies.set(name, value);
    expect((await copy.trpcQuery("organizations.list")).status).toBe(200);
    const rows = await database.db.session.count({
      where: { user: { email: "grace@example.com" } },
    });
    expect(rows).toBe(1);

    const out = await http.postForm("/api/auth/signout", {
      csrfToken: await http.csrfToken(),
      callbackUrl: server.url,
    });
    expect(out.status).toBe(200);
    expect((await http.session()).user).toBeUndefined();
    expect((await http.trpcQuery("organizations.list")).status).toBe(401);
    expect((await http.request("/app")).status).toBe(307);
    // Signing out closed the session on the server: the copied cookie is dead too.
    expect((await copy.session()).user).toBeUndefined();
    expect((await copy.trpcQuery("organizations.list")).status).toBe(401);
    expect((await copy.request("/app")).status).toBe(307);
    expect(
      await database.db.session.count({ where: { user: { email: "grace@example.com" } } }),
    ).toBe(0);
  });

  it("throttles an account from the address that failed 5 times, not from elsewhere", async () => {
    await seedUser("linus@example.com", "Kernels");
    const attacker = client();
    for (let i = 0; i < 5; i++) {
      const attempt = await attacker.signInWithPassword("linus@example.com", `wrong-${i}`);
      expect(attempt.error).toBe("Wrong email or password.");
    }
    const refused = await attacker.signInWithPassword("linus@example.com", PASSWORD);
    expect(refused.error).toMatch(
      /^Too many failed sign-in attempts\. Try again in \d+ seconds\.$/,
    );
    // The real user, signing in from another address, is not locked out by the attacker.
    expect((await client().signInWithPassword("linus@example.com", PASSWORD)).error).toBeNull();
    const attempts = await database.db.signInAttempt.findMany({
      where: { email: "linus@example.com" },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts.map((a) => a.reason)).toEqual([
      ...Array(5).fill("bad_password"),
      "throttled",
      null,
    ]);
    expect(new Set(attempts.slice(0, 6).map((a) => a.ip)).size).toBe(1);
  });

  it("throttles an address after 20 failures across accounts", async () => {
    const http = new HttpClient(server.url, { "x-forwarded-for": "198.51.100.7" });
    for (let i = 0; i < 20; i++) await http.signInWithPassword(`ghost${i}@example.com`, "x");
    await seedUser("margaret@example.com", "Apollo");
    const refused = await http.signInWithPassword("margaret@example.com", PASSWORD);
    expect(refused.error).toMatch(/^Too many failed sign-in attempts/);
    // Another address is not affected.
    expect((await client().signInWithPassword("margaret@example.com", PASSWORD)).error).toBeNull();
  });
});

describe("sign-up", () => {
  it("creates the user and an organization with the user as owner, then signs in", async () => {
    const http = client();
    const res = await http.request("/api/sign-up", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Barbara",
        email: "liskov@example.com",
        password: "a long enough password",
        organizationName: "Liskov Labs",
      }),
    });
    expect(res.status).toBe(201);
    const user = await database.db.user.findUniqueOrThrow({
      where: { email: "liskov@example.com" },
      include: { memberships: { include: { organization: true } } },
    });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.memberships.map((m) => [m.organization.name, m.role])).toEqual([
      ["Liskov Labs", "owner"],
    ]);
    const dup = await client().request("/api/sign-up", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "B",
        email: "liskov@example.com",
        password: "a long enough password",
        organizationName: "Again",
      }),
    });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({
      error: { code: "CONFLICT", details: [{ pointer: "/email" }], requestId: expect.any(String) },
    });

    // Bad input names every field at fault, and stores nothing.
    const bad = await client().request("/api/sign-up", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "", email: "nope", password: "short", organizationName: "X" }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: { pointer: string }[] } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.details.map((d) => d.pointer).sort()).toEqual([
      "/email",
      "/name",
      "/password",
    ]);
    expect(await database.db.user.count({ where: { email: "nope" } })).toBe(0);

    // Two sign-ups with one email at once: one account, the other told it exists.
    const racing = await Promise.all(
      [1, 2].map((i) =>
        client().request("/api/sign-up", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            name: `Racer ${i}`,
            email: "racer@example.com",
            password: "a long enough password",
            organizationName: `Race ${i}`,
          }),
        }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await database.db.user.count({ where: { email: "racer@example.com" } })).toBe(1);

    expect(
      (await http.signInWithPassword("liskov@example.com", "a long enough password")).error,
    ).toBeNull();
    const list = await http.trpcQuery<Array<{ name: string; role: string }>>("organizations.list");
    expect(list.data).toEqual([expect.objectContaining({ name: "Liskov Labs", role: "owner" })]);
  });
});

describe("audit trail", () => {
  it("records sign-ins and failures in the user's organizations; unknown emails only as attempts", async () => {
    const { user, org } = await seedUser("edsger@example.com", "Goto Considered");
    const http = client();
    await http.signInWithPassword("edsger@example.com", "wrong");
    await http.signInWithPassword("edsger@example.com", PASSWORD);
    const events = await database.db.adminAuditEvent.findMany({
      where: { organizationId: org.id, action: { startsWith: "auth." } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([
      ["auth.sign_in_failed", user.id],
      ["auth.sign_in", user.id],
    ]);
    expect(events[0]?.details).toMatchObject({ method: "password", reason: "bad_password" });

    await client().signInWithPassword("stranger@example.com", "whatever");
    const attempt = await database.db.signInAttempt.findFirst({
      where: { email: "stranger@example.com" },
    });
    expect(attempt).toMatchObject({ success: false, reason: "unknown_user" });
  });
});

describe("tRPC callers", () => {
  it("re-reads memberships on every call: a removed member loses access at once", async () => {
    const { user, org } = await seedUser("ken@example.com", "Unix Room");
    const http = client();
    expect((await http.signInWithPassword("ken@example.com", PASSWORD)).error).toBeNull();
    const before = await http.trpcQuery<Array<{ id: string }>>("organizations.list");
    expect(before.data?.map((o) => o.id)).toEqual([org.id]);
    await database.db.membership.deleteMany({ where: { organizationId: org.id, userId: user.id } });
    const after = await http.trpcQuery<Array<{ id: string }>>("organizations.list");
    expect(after.status).toBe(200);
    expect(after.data).toEqual([]);
  });

  it("accepts an admin token (Bearer sek_admin_…) on the same endpoint", async () => {
    const { user, org } = await seedUser("dennis@example.com", "C Language");
    const { secret } = await createAdminToken(
      database.db,
      { kind: "user", userId: user.id },
      { organizationId: org.id, name: "ci", role: "admin" },
    );
    const http = new HttpClient(server.url, { authorization: `Bearer ${secret}` });
    const list = await http.trpcQuery<Array<{ id: string }>>("organizations.list");
    expect(list.status).toBe(200);
    expect(list.data?.map((o) => o.id)).toEqual([org.id]);
    const bad = new HttpClient(server.url, { authorization: "Bearer sek_admin_nope_0000" });
    expect((await bad.trpcQuery("organizations.list")).status).toBe(401);
  });

  it("answers 401 to a bad Authorization header even beside a valid session cookie", async () => {
    await seedUser("barbara@example.com", "Liskov Labs");
    const http = client();
    expect((await http.signInWithPassword("barbara@example.com", PASSWORD)).error).toBeNull();
    expect((await http.trpcQuery("organizations.list")).status).toBe(200);
    for (const authorization of [
      "Bearer sek_admin_nope_0000",
      "Bearer not-a-token",
      "Basic eDp5",
      "",
    ]) {
      const withHeader = new HttpClient(server.url, { authorization });
      for (const [name, value] of http.cookies) withHeader.cookies.set(name, value);
      expect((await withHeader.trpcQuery("organizations.list")).status).toBe(401);
    }
  });
});

describe("callbackUrl", () => {
  it("next-auth redirects only within NEXTAUTH_URL's origin, whatever is posted to it", async () => {
    await seedUser("frances@example.com", "Allen Systems");
    const cases: Array<[string, string]> = [
      ["https://evil.example/steal", "/app"],
      ["//evil.example", "/app"],
      ["/x/..//evil.example", "/app"],
      ["/app/settings?tab=tokens", "/app/settings?tab=tokens"],
    ];
    for (const [callbackUrl, path] of cases) {
      const http = client();
      const res = await http.postForm("/api/auth/callback/credentials", {
        csrfToken: await http.csrfToken(),
        email: "frances@example.com",
        password: PASSWORD,
        callbackUrl,
      });
      const body = (await res.json()) as { url?: string };
      expect(body.url).toBe(`${server.url}${path}`);
    }
  });
});

describe("in the browser", () => {
  it("stays on the console after signing in from a crafted callbackUrl", async () => {
    await seedUser("hedy@example.com", "Frequency Hopping");
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await page.goto(`${server.url}/sign-in?callbackUrl=%2Fx%2F..%2F%2Fevil.example`);
      await page.getByLabel("Email").fill("hedy@example.com");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 20_000 });
      expect(page.url()).toBe(`${server.url}/app`);
    } finally {
      await browser.close();
    }
  });

  it("signs in from the header link, lands on /app and signs out", async () => {
    await seedUser("alan@example.com", "Bletchley");
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await page.goto(server.url);
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(`${server.url}/sign-in`);
      await page.getByLabel("Email").fill("alan@example.com");
      await page.getByLabel("Password").fill("wrong password");
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toBe("Wrong email or password.");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${server.url}/app`);
      await expect(
        page.getByRole("list", { name: "Organizations" }).textContent(),
      ).resolves.toContain("Bletchley");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${server.url}/`);
      await page.goto(`${server.url}/app`);
      await page.waitForURL(/\/sign-in/);
    } finally {
      await browser.close();
    }
  });
});
