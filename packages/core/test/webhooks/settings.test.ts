/**
 * Webhook settings against a real database and a real local receiver: the secret is stored
 * sealed (never in the clear), shown once, rotated by admins only, and each organization sees
 * only its own; a test delivery is signed with it, recorded with the receiver's answer, and
 * refused before connecting when the outbound policy forbids the address.
 */

import { webhookPayloadSchema } from "@sekuire/contracts";
import { startWebhookReceiver, type WebhookReceiver } from "@sekuire/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  createPolicyTestOrganization,
  expectAppError,
  useTestDatabase,
} from "../../src/testing/index.js";
import {
  checkWebhookSignature,
  openSecret,
  rotateWebhookSecret,
  sendTestDelivery,
  webhookSettings,
  workspaceSigningSecret,
} from "../../src/webhooks/index.js";

const t = useTestDatabase();
const KEY = "webhook-test-key-0123456789abcdefghij";
const loopback = { key: KEY, outbound: { allowLoopback: true } };
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

async function orgWithSecret() {
  const org = await createPolicyTestOrganization(t.db);
  const ref = { organizationId: org.id, workspaceId: org.workspace };
  const rotated = await rotateWebhookSecret(t.db, org.admin, ref, KEY);
  return { org, ref, secret: rotated.secret };
}

describe("the workspace's webhook secret", () => {
  it("is shown once, stored sealed to its workspace, and audited", async () => {
    const { org, ref, secret } = await orgWithSecret();
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    const row = await t.db.workspace.findFirstOrThrow({
      where: { organizationId: org.id, id: ref.workspaceId },
    });
    expect(row.webhookSecret).not.toContain(secret.slice(6));
    expect(row.webhookSecretHint).toBe(secret.slice(-4));
    expect(openSecret(KEY, ref.workspaceId, row.webhookSecret ?? "")).toBe(secret);
    // Bound to its workspace and key: copied elsewhere or opened with another key, it stays shut.
    expect(openSecret(KEY, "ws_other", row.webhookSecret ?? "")).toBeNull();
    expect(openSecret(`${KEY}x`, ref.workspaceId, row.webhookSecret ?? "")).toBeNull();
    expect(await workspaceSigningSecret(t.db, ref, KEY)).toBe(secret);
    const events = await auditEvents(t.db, org.id, "workspace.webhook_secret_rotated");
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it("rotates: the new secret signs, the old one no longer does", async () => {
    const { org, ref, secret } = await orgWithSecret();
    const next = await rotateWebhookSecret(t.db, org.owner, ref, KEY);
    expect(next.secret).not.toBe(secret);
    expect(await workspaceSigningSecret(t.db, ref, KEY)).toBe(next.secret);
  });

  it("is an admin's: approvers and viewers are refused, another organization finds nothing", async () => {
    const { org, ref } = await orgWithSecret();
    await expectAppError(rotateWebhookSecret(t.db, org.approver, ref, KEY), "FORBIDDEN");
    await expectAppError(webhookSettings(t.db, org.viewer, ref), "FORBIDDEN");
    const other = await createPolicyTestOrganization(t.db);
    await expectAppError(
      rotateWebhookSecret(t.db, other.admin, { ...ref, organizationId: other.id }, KEY),
      "NOT_FOUND",
    );
    await expectAppError(
      webhookSettings(t.db, other.admin, {
        organizationId: other.id,
        workspaceId: ref.workspaceId,
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      sendTestDelivery(
        t.db,
        other.admin,
        { organizationId: other.id, workspaceId: ref.workspaceId, url: receiver.url },
        loopback,
      ),
      "NOT_FOUND",
    );
  });

  it("cannot be set without the operator's key, and says which variable is missing", async () => {
    const org = await createPolicyTestOrganization(t.db);
    const ref = { organizationId: org.id, workspaceId: org.workspace };
    const error = await expectAppError(
      rotateWebhookSecret(t.db, org.admin, ref, null),
      "PRECONDITION_FAILED",
    );
    expect(error.message).toContain("SEKUIRE_WEBHOOK_KEY");
  });
});

describe("a test delivery", () => {
  it("is signed with the workspace's secret, versioned, and listed with the receiver's answer", async () => {
    const { org, ref, secret } = await orgWithSecret();
    const result = await sendTestDelivery(
      t.db,
      org.admin,
      { ...ref, url: `${receiver.url}/hooks/sekuire` },
      loopback,
    );
    expect(result).toMatchObject({ sent: true, status: 204 });
    const got = receiver.received.at(-1);
    expect(got?.path).toBe("/hooks/sekuire");
    expect(
      checkWebhookSignature(secret, got?.headers["sekuire-signature"] as string, got?.body ?? ""),
    ).toEqual({ ok: true });
    const payload = webhookPayloadSchema.parse(JSON.parse(got?.body ?? ""));
    expect(payload).toMatchObject({
      schema: "sekuire.webhook/v1",
      id: result.deliveryId,
      event: "webhook.test",
      workspace: { id: ref.workspaceId },
    });
    const settings = await webhookSettings(t.db, org.admin, ref);
    expect(settings.secret.hint).toBe(secret.slice(-4));
    expect(settings.deliveries[0]).toMatchObject({
      id: result.deliveryId,
      event: "webhook.test",
      status: "sent",
      attempts: 1,
      responseStatus: 204,
    });
  });

  it("records the receiver's refusal", async () => {
    const { org, ref } = await orgWithSecret();
    receiver.answer = () => 503;
    try {
      const result = await sendTestDelivery(
        t.db,
        org.admin,
        { ...ref, url: receiver.url },
        loopback,
      );
      expect(result).toMatchObject({ sent: false, status: 503 });
    } finally {
      receiver.answer = () => 204;
    }
    const [delivery] = (await webhookSettings(t.db, org.admin, ref)).deliveries;
    expect(delivery).toMatchObject({ status: "failed", responseStatus: 503 });
    expect(delivery?.lastError).toContain("503");
  });

  it("is refused before connecting to loopback when the policy does not allow it", async () => {
    const { org, ref } = await orgWithSecret();
    const before = receiver.received.length;
    for (const url of [receiver.url, receiver.url.replace("127.0.0.1", "localhost")]) {
      const result = await sendTestDelivery(
        t.db,
        org.admin,
        { ...ref, url },
        { key: KEY, outbound: {} },
      );
      expect(result.sent).toBe(false);
      expect(result.sent ? "" : result.error).toMatch(/127\.0\.0\.1|::1/);
    }
    expect(receiver.received.length).toBe(before);
  });

  it("names the field of a bad URL, and needs a secret first", async () => {
    const { org, ref } = await orgWithSecret();
    const bad = await expectAppError(
      sendTestDelivery(t.db, org.admin, { ...ref, url: "file:///etc/passwd" }, loopback),
      "BAD_REQUEST",
    );
    expect(JSON.stringify(bad.details)).toContain("/url");
    const bare = await createPolicyTestOrganization(t.db);
    await expectAppError(
      sendTestDelivery(
        t.db,
        bare.admin,
        { organizationId: bare.id, workspaceId: bare.workspace, url: receiver.url },
        loopback,
      ),
      "PRECONDITION_FAILED",
    );
  });
});
