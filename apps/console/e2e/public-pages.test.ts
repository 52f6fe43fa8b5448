import { templates } from "@sekuire/policy-engine";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserSession,
  type Console,
  screenshot,
  screenshotOf,
  startBrowser,
  startConsole,
} from "./harness";

let server: Console;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  server = await startConsole();
  session = await startBrowser();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

/** Waits until the validator has hydrated, mounted CodeMirror and run its first validation. */
async function openValidator(query = "") {
  await page.goto(`${server.url}/validate${query}`);
  await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
  await page.locator(".cm-content").waitFor();
}

describe("public pages", () => {
  it("renders the landing page with links to the public pages", async () => {
    const res = await page.goto(server.url);
    expect(res?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toContain(
      "Decide what your agents may do",
    );
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Language", "Templates", "Validator"])
      expect(await nav.getByRole("link", { name: label }).count()).toBe(1);
    expect(
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).getAttribute("href"),
    ).toBe("/sign-in");
    expect(
      await page
        .getByRole("main")
        .getByRole("link", { name: "Create an organization" })
        .getAttribute("href"),
    ).toBe("/sign-up");
    await screenshot(page, "landing", true);
  });

  it("renders the language reference with the action catalog", async () => {
    const res = await page.goto(`${server.url}/docs`);
    expect(res?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Policy language reference");
    for (const title of [
      "Policy structure",
      "Actions",
      "Resources",
      "Conditions",
      "Resource limits",
      "Approvals",
      "Audit settings",
      "Best practices",
    ])
      expect(await page.getByRole("heading", { name: title, exact: true }).count()).toBe(1);
    const actions = await page.locator("#actions").textContent();
    for (const a of [
      "file:Read",
      "db:Schema",
      "api:Put",
      "agent:Delegate",
      "data:ReadPII",
      "tool:bash:execute",
    ])
      expect(actions).toContain(a);
    await screenshot(page, "docs");
    // The sticky header would cover part of the element screenshots.
    await page.evaluate(() =>
      document.querySelector("header")?.style.setProperty("position", "relative"),
    );
    await screenshotOf(page.locator("#actions"), "docs-actions");
    await screenshotOf(page.locator("#conditions"), "docs-conditions");
    await screenshot(page, "docs-full", true);
  });

  it("lists the three templates with their descriptions", async () => {
    await page.goto(`${server.url}/templates`);
    const cards = page.locator("[data-template]");
    expect(await cards.count()).toBe(3);
    for (const t of templates) {
      const card = page.locator(`[data-template="${t.id}"]`);
      expect(await card.locator("h2").textContent()).toBe(t.title);
      expect(await card.locator(".template-description").textContent()).toBe(t.description);
      expect(await card.getByRole("link", { name: "Open in validator" }).getAttribute("href")).toBe(
        `/validate?template=${t.id}`,
      );
    }
    await screenshot(page, "templates", true);
  });

  it("opens a template in the validator from the gallery", async () => {
    await page.goto(`${server.url}/templates`);
    await page
      .locator('[data-template="hipaa"]')
      .getByRole("link", { name: "Open in validator" })
      .click();
    await page.waitForURL(/\/validate\?template=hipaa/);
    await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
    await expect(page.locator(".cm-content").textContent()).resolves.toContain(
      "AllowEncryptedHealthData",
    );
    // The HIPAA template draws lint warnings on purpose.
    await page.locator('[data-testid="findings"] [data-code="DenyOnAbsentKey"]').waitFor();
    expect(await page.locator(".cm-lintRange-warning").count()).toBeGreaterThan(0);
  });
});

describe("validator without signing in", () => {
  it("underlines a mistake at its place with its message, and clears it once fixed", async () => {
    await openValidator("?template=production");
    await expect(page.getByTestId("status").textContent()).resolves.toContain("Valid policy");
    expect(await page.locator(".cm-lintRange-error").count()).toBe(0);

    // Put the cursor right after `"E` of the DenyDestructive statement's Effect, delete the `f`.
    const line = page.locator(".cm-line", { hasText: '"Effect": "Deny"' });
    await line.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Delete");

    const mark = page.locator(".cm-lintRange-error", { hasText: "Efect" });
    await mark.waitFor();
    expect(await mark.textContent()).toBe('"Efect"');
    // The mark sits on the edited line (line 25 of the production template), starting at column 7.
    const markLine = page.locator(".cm-line", {
      has: page.locator(".cm-lintRange-error", { hasText: "Efect" }),
    });
    expect((await markLine.textContent())?.trim()).toBe('"Efect": "Deny",');
    const [markBox, lineBox] = await Promise.all([mark.boundingBox(), markLine.boundingBox()]);
    const charWidth = await page.evaluate(() => {
      const probe = document.querySelector(".cm-content");
      const span = document.createElement("span");
      span.textContent = "x".repeat(100);
      probe?.appendChild(span);
      const w = span.getBoundingClientRect().width / 100;
      span.remove();
      return w;
    });
    expect(markBox && lineBox).toBeTruthy();
    if (markBox && lineBox) {
      const paddingLeft = await markLine.evaluate((el) =>
        Number.parseFloat(getComputedStyle(el).paddingLeft),
      );
      expect(Math.round((markBox.x - lineBox.x - paddingLeft) / charWidth)).toBe(6);
      expect(Math.round(markBox.width / charWidth)).toBe(7);
    }

    // Hovering the mark shows the message.
    await mark.hover();
    const tooltip = page.locator(".cm-tooltip-lint");
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain("did you mean `Effect`");

    // The list beside the editor has it, with its place.
    const item = page.locator('[data-testid="findings"] [data-code="UnknownField"]');
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain("/Statement/1/Efect");
    expect(text).toContain("did you mean `Effect`");
    expect(text).toContain("Ln 25, Col 7");
    await expect(page.getByTestId("status").textContent()).resolves.toMatch(/2 errors/);
    expect(await page.getByRole("button", { name: "Simulate" }).isDisabled()).toBe(true);
    await page.mouse.move(0, 0);
    await screenshot(page, "validator-error");

    // Clicking the item moves the cursor to the mistake.
    await page.getByRole("button", { name: "Simulate" }).focus();
    await item.click();
    const selected = await page.evaluate(() => window.getSelection()?.toString());
    expect(selected).toBe('"Efect"');

    // Fix it: type the `f` back at the same place.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("f");
    await page.locator(".cm-lintRange-error").first().waitFor({ state: "detached" });
    await expect(page.getByTestId("status").textContent()).resolves.toContain("Valid policy");
    expect(await page.locator('[data-testid="findings"]').count()).toBe(0);
    await expect(page.locator(".cm-content").textContent()).resolves.toContain('"Effect": "Deny"');
  });

  it("simulates a request and highlights the deciding statement", async () => {
    await openValidator("?template=production");
    const sim = page.getByTestId("simulator");
    await sim.locator('input[name="action"]').fill("db:Delete");
    await sim.locator('input[name="resource"]').fill("db://production/users");
    await sim.locator('textarea[name="context"]').fill("");
    await sim.getByRole("button", { name: "Simulate" }).click();

    await page.getByTestId("sim-result").waitFor();
    expect(await page.getByTestId("decision").textContent()).toBe("Deny");
    expect(await page.getByTestId("reason").textContent()).toBe("ExplicitDeny");
    expect(await page.getByTestId("matched").textContent()).toContain("DenyDestructive");

    // Why each statement did or did not match.
    const allow = page.locator('[data-testid="explanation"] [data-statement="0"]');
    expect(await allow.getAttribute("data-matched")).toBe("false");
    expect(await allow.textContent()).toContain("The action does not match.");
    expect(
      await page
        .locator('[data-testid="explanation"] [data-statement="1"]')
        .getAttribute("data-matched"),
    ).toBe("true");

    // The deciding statement's lines are highlighted in the editor, and only those.
    const highlighted = page.locator(".cm-line.cm-decided-deny");
    await highlighted.first().waitFor();
    const lines = await highlighted.allTextContents();
    expect(lines.join("\n")).toContain('"Sid": "DenyDestructive"');
    expect(lines.join("\n")).not.toContain("AllowReadOnly");
    await screenshot(page, "validator-simulation");

    // An approval: the RequireApproval entry is highlighted instead.
    await sim.locator('input[name="action"]').fill("db:Update");
    await sim.getByRole("button", { name: "Simulate" }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="decision"]')?.textContent === "Requires approval",
    );
    expect(await page.getByTestId("approval").textContent()).toContain(
      "/RequireApproval/Actions/0",
    );
    await page.locator(".cm-line.cm-decided-approval").first().waitFor();
    expect(await page.locator(".cm-line.cm-decided-deny").count()).toBe(0);
    await screenshot(page, "validator-approval");

    // A context that is not JSON is an error state, not a crash.
    await sim.locator('textarea[name="context"]').fill("{ nope");
    await sim.getByRole("button", { name: "Simulate" }).click();
    await page.getByTestId("sim-alert").waitFor();
    expect(await page.getByTestId("sim-alert").textContent()).toContain("not valid JSON");
  });
});
