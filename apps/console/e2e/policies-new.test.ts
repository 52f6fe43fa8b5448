/**
 * Policies › New in Chromium: a policy from a template and one from a blank start, each with a
 * name; a blank start without a name is refused at the Name field (core's 400 at /name), never
 * as a page that failed to load.
 */
import { describe, expect, it } from "vitest";
import { screenshot, startBrowser } from "./harness";
import { setUpAcmeConsole, signIn } from "./signed-in";

const acme = setUpAcmeConsole("e2e-secret-policies-new-0123456789abcdef012345678");

async function policyNamed(name: string) {
  return acme.database.db.$unscoped.policy.findFirst({
    where: { organizationId: acme.org.id, name },
    select: { id: true, description: true, templateId: true, draftDocument: true },
  });
}

describe("Policies › New", () => {
  it("creates a policy from a template and one from a blank start, and names a missing name", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      const { server } = acme;
      const orgId = acme.org.id;
      await signIn(page, server.url, "owner@example.com");
      const newPage = `${server.url}/app/${orgId}/policies/new`;

      // A template fills name and description; the user may keep or change them.
      await page.goto(newPage);
      await page.getByRole("radio", { name: "Template: Development Policy" }).check();
      const form = page.getByRole("form", { name: "New policy" });
      await expect(form.getByLabel("Name").inputValue()).resolves.toBe("Development Policy");
      await form.getByLabel("Name").fill("Dev agents");
      await form.getByRole("button", { name: "Create policy" }).click();
      await page.waitForURL(new RegExp(`/app/${orgId}/policies/pol_`));
      const fromTemplate = await policyNamed("Dev agents");
      expect(fromTemplate?.templateId).toBe("development");

      // A blank start with no name: refused at the field, the page still works.
      await page.goto(newPage);
      await page.getByRole("radio", { name: "A blank policy" }).check();
      await form.getByRole("button", { name: "Create policy" }).click();
      const error = form.locator("#policy-name-error");
      await error.waitFor();
      await expect(error.textContent()).resolves.toMatch(/blank|name/i);
      await expect(form.getByLabel("Name").getAttribute("aria-invalid")).resolves.toBe("true");
      await screenshot(page, "app-policy-new-name-missing");
      await expect(page.getByText("could not be loaded").count()).resolves.toBe(0);

      // Named, it is created from the blank starter.
      await form.getByLabel("Name").fill("Support bot");
      await form.getByLabel("Description (optional)").fill("What the support agent may touch");
      await form.getByRole("button", { name: "Create policy" }).click();
      await page.waitForURL(new RegExp(`/app/${orgId}/policies/pol_`));
      const blank = await policyNamed("Support bot");
      expect(blank?.templateId).toBeNull();
      expect(blank?.description).toBe("What the support agent may touch");
      expect(blank?.draftDocument).toContain("AllowReadWorkspaceFiles");
      await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
    } finally {
      await browser.close();
    }
  });
});
