/**
 * Security headers (issue 10, item 8): every response refuses framing and sniffing and limits
 * referrers; every page has a nonce-based Content-Security-Policy, fresh per request; and the
 * console's pages, CodeMirror's editor included, work under it with no violation reported.
 */
import { createPolicy } from "@sekuire/core/policies";
import { createWorkspace } from "@sekuire/core/workspaces";
import { beforeAll, describe, expect, it } from "vitest";
import { startBrowser } from "./harness";
import { setUpAcmeConsole, signIn } from "./signed-in";

const acme = setUpAcmeConsole("e2e-secret-security-headers-0123456789abcdef0123");
let policyId: string;
let workspaceId: string;

beforeAll(async () => {
  const owner = { kind: "user" as const, userId: acme.owner.id };
  const { policy } = await createPolicy(acme.database.db, owner, {
    organizationId: acme.org.id,
    templateId: "production",
  });
  policyId = policy.id;
  // The dashboard's chart is SVG: its colours must be attributes the CSP allows, not styles.
  workspaceId = (
    await createWorkspace(acme.database.db, owner, { organizationId: acme.org.id, name: "Ops" })
  ).id;
});

function expectStaticHeaders(res: Response, what: string): void {
  expect(res.headers.get("x-frame-options"), what).toBe("DENY");
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy"), what).toContain("camera=()");
}

function nonceOf(csp: string | null): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];
}

describe("security headers", () => {
  it("are on pages, API routes and static assets; pages get a fresh nonce CSP", async () => {
    const { server } = acme;
    const page = await fetch(`${server.url}/sign-in`);
    expectStaticHeaders(page, "page");
    const csp = page.headers.get("content-security-policy");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("unsafe-inline");
    const nonce = nonceOf(csp);
    expect(nonce).toBeDefined();
    const html = await page.text();
    // Next puts the nonce on every script it renders.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const again = await fetch(`${server.url}/sign-in`);
    expect(nonceOf(again.headers.get("content-security-policy"))).not.toBe(nonce);

    const api = await fetch(`${server.url}/api/auth/csrf`);
    expectStaticHeaders(api, "API route");
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const file = await fetch(`${server.url}${asset}`);
    expect(file.status).toBe(200);
    expectStaticHeaders(file, "static asset");
  });

  it("leave every page working in Chromium with no CSP violation, the editor styled", async () => {
    const { server } = acme;
    const browser = await startBrowser();
    try {
      const { page } = browser;
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      // Runs before any page script, outside the page's CSP (the browser's own injection).
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          const w = window as unknown as { __csp?: string[] };
          w.__csp ??= [];
          w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      const seen = async (path: string) => {
        const r =
          (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp)) ?? [];
        return r.map((v) => `${path}: ${v}`);
      };
      const publicPages = ["/", "/docs", "/templates", "/validate", "/sign-in", "/sign-up"];
      for (const path of publicPages) {
        await page.goto(`${server.url}${path}`);
        await page.waitForLoadState("networkidle");
        violations.push(...(await seen(path)));
      }
      await signIn(page, server.url, "owner@example.com");
      const app = `/app/${acme.org.id}`;
      const signedInPages = [
        `${app}/workspaces`,
        `${app}/policies`,
        `${app}/policies/new`,
        `${app}/members`,
        `${app}/settings`,
        `${app}/audit`,
        `${app}/decisions`,
        `${app}/workspaces/${workspaceId}/dashboard`,
        "/account",
        `${app}/policies/${policyId}`,
      ];
      for (const path of signedInPages) {
        await page.goto(`${server.url}${path}`);
        await page.waitForLoadState("networkidle");
        violations.push(...(await seen(path)));
      }
      // The editor (last page) rendered and its base theme's style tag applied.
      await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
      const display = await page
        .locator(".cm-editor")
        .first()
        .evaluate((el) => getComputedStyle(el).display);
      expect(display).toBe("flex");
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
