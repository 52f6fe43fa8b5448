/**
 * RedactPII end to end: real-looking personal data and secrets in a request's context and
 * resource never reach the decision record, the approval request or the server's log; without
 * RedactPII they are kept as sent (so the check can fail).
 */
import { describe, expect, it } from "vitest";
import { decision, eventually } from "./support/client.js";
import { useTwoDecisionApis } from "./support/setup.js";

const s = useTwoDecisionApis({ SEKUIRE_LOG_LEVEL: "debug" });

const SAMPLES = {
  email: "jane.doe@example.org",
  card: "4111 1111 1111 1111",
  ssn: "078-05-1120",
  ip: "203.0.113.42",
  phone: "+1 415 555 0100",
  bearer: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.sig_nature-123",
  key: "sk-proj-Abcdefghijklmnopqrstuvwx123",
};

function policy(redact: boolean) {
  return JSON.stringify({
    Version: "2024-12-02",
    Statement: [{ Sid: "Mail", Effect: "Allow", Action: "api:Post", Resource: "https://*" }],
    RequireApproval: { Actions: ["api:Post"], ApproverRole: "admin" },
    AuditLog: {
      Required: true,
      Include: ["all_actions", "outcomes", "resources", "context"],
      RedactPII: redact,
    },
  });
}

const request = {
  action: "api:Post",
  resource: `https://mail.example.com/send?to=${encodeURIComponent(SAMPLES.email)}`,
  context: {
    note: `Refund card ${SAMPLES.card} for SSN ${SAMPLES.ssn}, reached at ${SAMPLES.phone} from ${SAMPLES.ip}`,
    headers: { authorization: SAMPLES.bearer },
    secrets: [SAMPLES.key],
  },
};

describe("RedactPII", () => {
  it("masks context and resource before the record, the approval and any log line", async () => {
    const w = await s.workspace(policy(true));
    const answer = await decision(s.a.url, w.secret, request);
    expect(answer.body.decision).toBe("RequireApproval");
    const row = await s.t.db.decisionLog.findFirstOrThrow({
      where: { organizationId: w.org.id, id: answer.body.decisionId as string },
    });
    const approval = await s.t.db.approvalRequest.findFirstOrThrow({
      where: { organizationId: w.org.id },
    });
    await eventually(async () => s.a.output().includes(answer.body.decisionId as string));
    const written = [
      JSON.stringify({ ...row, seq: String(row.seq) }),
      JSON.stringify(approval),
      s.a.output(),
    ].join("\n");
    for (const [what, sample] of Object.entries(SAMPLES)) {
      const bare = sample.replace(/^Bearer /, "");
      expect(written, what).not.toContain(bare);
      expect(written, what).not.toContain(encodeURIComponent(bare));
    }
    expect(row.resource).toBe("https://mail.example.com/send?to=[email]");
    expect(row.context).toMatchObject({
      note: "Refund card [card] for SSN [national-id], reached at [phone] from [ip]",
      headers: { authorization: "Bearer [token]" },
      secrets: ["[api-key]"],
    });
    // The approval is still bound to what was really asked (the hash of the unredacted request).
    const again = await decision(s.b.url, w.secret, { ...request, approvalId: approval.id });
    expect(again.body.decision).toBe("RequireApproval");
    const other = await decision(s.b.url, w.secret, {
      ...request,
      context: { ...request.context, note: "something else" },
      approvalId: approval.id,
    });
    expect(other.body.reason).toBe("ApprovalMismatch");
  });

  it("keeps them as sent when the policy does not ask", async () => {
    const w = await s.workspace(policy(false));
    const answer = await decision(s.b.url, w.secret, request);
    const row = await s.t.db.decisionLog.findFirstOrThrow({
      where: { organizationId: w.org.id, id: answer.body.decisionId as string },
    });
    expect(JSON.stringify(row.context)).toContain(SAMPLES.card);
    expect(row.resource).toContain(encodeURIComponent(SAMPLES.email));
  });
});
