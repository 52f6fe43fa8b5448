/**
 * The worker against real Postgres, Redis, an SMTP sink and a decision API: a request's mail,
 * its expiry at the deadline, the halfway reminder and escalation, each once.
 */
import { decideApproval } from "@sekuire/core/approvals";
import { describe, expect, it } from "vitest";
import { eventually } from "./support/processes.js";
import { askApproval, CONSOLE_URL, useWorld } from "./support/world.js";

const w = useWorld();

const mailsFor = (approvalId: string) =>
  w.sink().messages.filter((m) => m.decoded.includes(approvalId));
const poll = async (apiUrl: string, secret: string, id: string, wait = 0) =>
  (await fetch(`${apiUrl}/v1/approvals/${id}?waitSeconds=${wait}`, {
    headers: { authorization: `Bearer ${secret}` },
  }).then((r) => r.json())) as { status: string; decidedBy?: string };

describe("approval requests through the worker", () => {
  it("mails every approver once; approved in the console's service, the agent's poll answers and one Allow follows", async () => {
    // The sweeper waits a minute before re-sending: the mail can only come from the job the
    // decision API enqueued.
    const [api] = await Promise.all([
      w.decisionApi(),
      w.worker({ SEKUIRE_NOTIFY_GRACE_SECONDS: "60" }),
    ]);
    const ws = await w.workspace();
    const id = await askApproval(api.url, ws.secret);

    await eventually(async () => mailsFor(id).length >= 3, 15_000);
    const mails = mailsFor(id);
    const emails = await w.t.db.membership.findMany({
      where: { organizationId: ws.org.id, role: { in: ["owner", "admin"] } },
      select: { user: { select: { email: true } } },
    });
    expect(mails.flatMap((m) => m.to).sort()).toEqual(emails.map((m) => m.user.email).sort());
    const mail = mails[0]?.decoded ?? "";
    expect(mail).toMatch(/^Subject: bot asks for approval: file:write/im);
    expect(mail).toContain("file:///srv/report.csv");
    expect(mail).toContain("OPS-7"); // the context, as recorded
    expect(mail).toContain(`${CONSOLE_URL}/app/${ws.org.id}/approvals/${id}`);

    // Sweeps every second find nothing left to send: still one mail each.
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsFor(id)).toHaveLength(3);
    const row = await w.t.db.approvalRequest.findFirstOrThrow({
      where: { organizationId: ws.org.id, id },
      select: { notifiedAt: true, notifications: { select: { status: true, kind: true } } },
    });
    expect(row.notifiedAt).not.toBeNull();
    expect(row.notifications).toEqual(
      Array.from({ length: 3 }, () => ({ status: "sent", kind: "requested" })),
    );

    const waiting = poll(api.url, ws.secret, id, 20);
    await new Promise((r) => setTimeout(r, 200));
    await decideApproval(w.t.db, ws.org.admin, {
      organizationId: ws.org.id,
      approvalId: id,
      verdict: "approve",
      comment: "ok for the report",
    });
    expect((await waiting).status).toBe("approved");
    const redeemed = await fetch(`${api.url}/v1/decisions`, {
      method: "POST",
      headers: { authorization: `Bearer ${ws.secret}`, "content-type": "application/json" },
      body: JSON.stringify({
        action: "file:Write",
        resource: "file:///srv/report.csv",
        context: { ticket: "OPS-7" },
        approvalId: id,
      }),
    }).then((r) => r.json());
    expect(redeemed).toMatchObject({ decision: "Allow", reason: "ApprovalGranted" });
  });

  it("expires a request at its deadline, reminding approvers and telling owners halfway, once each", async () => {
    const [api] = await Promise.all([w.decisionApi(), w.worker()]);
    const ws = await w.workspace(4);
    const id = await askApproval(api.url, ws.secret);
    const { expiresAt } = await w.t.db.approvalRequest.findFirstOrThrow({
      where: { organizationId: ws.org.id, id },
    });

    const expired = await w.t.db.adminAuditEvent.findFirst({
      where: { organizationId: ws.org.id },
    });
    expect(expired?.action).not.toBe("approval.expired");
    expect((await poll(api.url, ws.secret, id, 15)).status).toBe("expired");
    await eventually(async () => {
      const row = await w.t.db.approvalRequest.findFirst({
        where: { organizationId: ws.org.id, id },
      });
      return row?.status === "expired";
    });
    const event = await w.t.db.adminAuditEvent.findFirstOrThrow({
      where: { organizationId: ws.org.id, action: "approval.expired", targetId: id },
    });
    expect(event.actorType).toBe("system");
    // On time: a job at the deadline, a sweep a second; up to 5 s on a loaded CI box.
    expect(event.createdAt.getTime() - expiresAt.getTime()).toBeLessThan(5000);

    const halfway = mailsFor(id).filter((m) => /^Subject: (Reminder|Unanswered)/m.test(m.decoded));
    const byKind = (pattern: RegExp) =>
      halfway
        .filter((m) => pattern.test(m.decoded))
        .flatMap((m) => m.to)
        .sort();
    const emailOf = async (userId: string) =>
      (await w.t.db.$unscoped.user.findUniqueOrThrow({ where: { id: userId } })).email;
    expect(byKind(/^Subject: Reminder/m)).toEqual(
      [await emailOf(ws.org.admin.userId), await emailOf(ws.org.admin2.userId)].sort(),
    );
    expect(byKind(/^Subject: Unanswered/m)).toEqual([await emailOf(ws.org.owner.userId)]);
    const row = await w.t.db.approvalRequest.findFirstOrThrow({
      where: { organizationId: ws.org.id, id },
      select: { escalatedAt: true, createdAt: true },
    });
    expect(row.escalatedAt?.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime() + 2000);
  });
});
