/**
 * Approval events to a webhook through the worker, against real Postgres, Redis, a decision
 * API and a local receiver: signed with the workspace's secret, retried with backoff until the
 * receiver takes it (the same delivery id each time), escalated once halfway, told how it ended
 * (decided, expired), and refused when the target is loopback and the worker runs as in
 * production.
 */
import { webhookPayloadSchema } from "@sekuire/contracts";
import { decideApproval } from "@sekuire/core/approvals";
import { checkWebhookSignature, rotateWebhookSecret } from "@sekuire/core/webhooks";
import { APPROVALS_CHANNEL, connectAnnouncer } from "@sekuire/redis";
import { startWebhookReceiver, type WebhookReceiver } from "@sekuire/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./support/processes.js";
import { askApproval, CONSOLE_URL, REDIS_URL, useWorld } from "./support/world.js";

const w = useWorld();
const KEY = "worker-webhook-key-0123456789abcdefgh";
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

/** A workspace whose approvals go to email and to the receiver's `path`, with a secret set. */
async function hookedWorkspace(path: string, timeoutSeconds?: number) {
  const ws = await w.workspace(timeoutSeconds, [
    "email",
    { Type: "webhook", Url: `${receiver.url}${path}` },
  ]);
  const ref = { organizationId: ws.org.id, workspaceId: ws.org.workspace };
  const { secret } = await rotateWebhookSecret(w.t.db, ws.org.admin, ref, KEY);
  return { ...ws, hookSecret: secret };
}

const at = (path: string) => receiver.received.filter((r) => r.path === path);

describe("approval webhooks", () => {
  it("sends approval.requested signed, retrying a failing receiver with the same delivery id; approval.decided once decided", async () => {
    receiver.answer = ({ path }) => (path === "/flaky" && at("/flaky").length < 2 ? 500 : 204);
    const [api] = await Promise.all([
      w.decisionApi(),
      w.worker({ SEKUIRE_WEBHOOK_KEY: KEY, SEKUIRE_NOTIFY_GRACE_SECONDS: "60" }),
    ]);
    const ws = await hookedWorkspace("/flaky");
    const id = await askApproval(api.url, ws.secret);

    await eventually(async () => at("/flaky").some((r) => r.status === 204), 30_000);
    const calls = at("/flaky");
    expect(calls.map((c) => c.status)).toEqual([500, 500, 204]);
    const ids = new Set(calls.map((c) => c.headers["sekuire-delivery"]));
    expect(ids.size).toBe(1);
    const last = calls[2];
    expect(
      checkWebhookSignature(
        ws.hookSecret,
        last?.headers["sekuire-signature"] as string,
        last?.body ?? "",
      ),
    ).toEqual({ ok: true });
    const payload = webhookPayloadSchema.parse(JSON.parse(last?.body ?? ""));
    expect(payload).toMatchObject({
      event: "approval.requested",
      id: [...ids][0],
      workspace: { id: ws.org.workspace },
      approval: {
        id,
        action: "file:write",
        resource: "file:///srv/report.csv",
        agent: { name: "bot" },
        url: `${CONSOLE_URL}/app/${ws.org.id}/approvals/${id}`,
      },
    });
    // Every channel has its notification: the request is marked, the sweeper leaves it be.
    await eventually(async () => {
      const r = await w.t.db.approvalRequest.findFirstOrThrow({
        where: { organizationId: ws.org.id, id },
        select: { notifiedAt: true },
      });
      return r.notifiedAt !== null;
    });
    const [delivery] = await w.t.db.webhookDelivery.findMany({
      where: { organizationId: ws.org.id, approvalId: id },
    });
    expect(delivery).toMatchObject({ status: "sent", attempts: 3, responseStatus: 204 });
    // Nothing more goes out once it is delivered.
    await new Promise((r) => setTimeout(r, 2000));
    expect(at("/flaky")).toHaveLength(3);

    // Decided in the console's service, and announced on Redis as the console's process does
    // after the commit: the webhook hears how it ended at once.
    await decideApproval(w.t.db, ws.org.admin, {
      organizationId: ws.org.id,
      approvalId: id,
      verdict: "deny",
      comment: "not during the freeze",
    });
    const announcer = connectAnnouncer(REDIS_URL, "test-console");
    await announcer.publish(APPROVALS_CHANNEL, id);
    await announcer.quit();
    await eventually(async () => at("/flaky").length >= 4, 5_000);
    const ended = webhookPayloadSchema.parse(JSON.parse(at("/flaky")[3]?.body ?? ""));
    expect(ended).toMatchObject({
      event: "approval.decided",
      approval: {
        id,
        resolution: {
          status: "denied",
          comment: "not during the freeze",
          decidedBy: { email: expect.any(String) },
        },
      },
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(at("/flaky")).toHaveLength(4);
  });

  it("tells the webhook once at half the time (approval.escalated), then that it expired", async () => {
    const [api] = await Promise.all([w.decisionApi(), w.worker({ SEKUIRE_WEBHOOK_KEY: KEY })]);
    const ws = await hookedWorkspace("/halfway", 4);
    const id = await askApproval(api.url, ws.secret);
    await eventually(async () => at("/halfway").length >= 3, 15_000);
    await new Promise((r) => setTimeout(r, 2000));
    type Event = { event: string; approval: { id: string; resolution?: { status: string } } };
    const events = at("/halfway").map((r) => JSON.parse(r.body) as Event);
    // Once each. On a loaded box the three jobs can come due together and run side by side, so
    // their arrival order is not promised (each body carries its createdAt).
    expect(events.map((e) => e.event).sort()).toEqual([
      "approval.escalated",
      "approval.expired",
      "approval.requested",
    ]);
    expect(events.every((e) => e.approval.id === id)).toBe(true);
    const expired = events.find((e) => e.event === "approval.expired");
    expect(expired?.approval.resolution?.status).toBe("expired");
  });

  it("tells the webhook of a decision nobody announced, through the sweeper", async () => {
    const [api] = await Promise.all([w.decisionApi(), w.worker({ SEKUIRE_WEBHOOK_KEY: KEY })]);
    const ws = await hookedWorkspace("/quiet");
    const id = await askApproval(api.url, ws.secret);
    await eventually(async () => at("/quiet").length >= 1, 10_000);
    await decideApproval(w.t.db, ws.org.admin, {
      organizationId: ws.org.id,
      approvalId: id,
      verdict: "approve",
      comment: "fine",
    });
    await eventually(async () => at("/quiet").length >= 2, 10_000);
    expect(JSON.parse(at("/quiet")[1]?.body ?? "{}")).toMatchObject({
      event: "approval.decided",
      approval: { id, resolution: { status: "approved", comment: "fine" } },
    });
  });

  it("refuses a loopback receiver when the worker runs as in production, and records why", async () => {
    const [api] = await Promise.all([
      w.decisionApi(),
      w.worker({ SEKUIRE_WEBHOOK_KEY: KEY, NODE_ENV: "production" }),
    ]);
    const ws = await hookedWorkspace("/internal");
    const id = await askApproval(api.url, ws.secret);
    await eventually(async () => {
      const rows = await w.t.db.webhookDelivery.findMany({
        where: { organizationId: ws.org.id, approvalId: id },
      });
      return rows.some((r) => r.attempts > 0);
    }, 15_000);
    const [delivery] = await w.t.db.webhookDelivery.findMany({
      where: { organizationId: ws.org.id, approvalId: id },
    });
    expect(delivery?.status).toBe("failed");
    expect(delivery?.lastError).toMatch(/127\.0\.0\.1.*loopback/);
    expect(at("/internal")).toHaveLength(0);
    // The email went out all the same: the request is still decidable.
    await eventually(async () => w.sink().messages.some((m) => m.decoded.includes(id)), 10_000);
  });
});
