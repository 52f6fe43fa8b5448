/**
 * What the worker's integration files share: a database of their own, an SMTP sink, a queue
 * prefix of their own (so no other worker on this Redis takes their jobs), and processes of
 * the worker and the decision API started over them.
 */
import { randomUUID } from "node:crypto";
import { liveWorkspace, useTestDatabase } from "@sekuire/core/testing";
import { type SmtpSink, startSmtpSink } from "@sekuire/email/testing";
import { afterAll, beforeAll } from "vitest";
import { startProcess } from "./processes.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const CONSOLE_URL = "http://console.test";

/**
 * file:Write needs an admin's approval within `timeoutSeconds`, told through `channels`
 * (NotificationChannels: email by default); reads are allowed.
 */
export function approvalPolicy(timeoutSeconds = 600, channels?: unknown[]): string {
  return JSON.stringify({
    Version: "2024-12-02",
    Statement: [
      { Sid: "ReadSrv", Effect: "Allow", Action: "file:Read", Resource: "file:///srv/*" },
      { Sid: "WriteSrv", Effect: "Allow", Action: "file:Write", Resource: "file:///srv/*" },
    ],
    RequireApproval: {
      Actions: ["file:Write"],
      ApproverRole: "admin",
      TimeoutSeconds: timeoutSeconds,
      ...(channels ? { NotificationChannels: channels } : {}),
    },
    AuditLog: { Required: true, RetentionDays: 30, Include: ["outcomes", "resources", "context"] },
  });
}

export function useWorld() {
  const t = useTestDatabase();
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  const state: { sink?: SmtpSink } = {};
  beforeAll(async () => {
    state.sink = await startSmtpSink();
  });
  afterAll(async () => {
    await state.sink?.close();
  });
  const sink = () => {
    if (!state.sink) throw new Error("the SMTP sink is not started");
    return state.sink;
  };
  const common = (overrides: Record<string, string>) => ({
    DATABASE_URL: t.url,
    REDIS_URL,
    SEKUIRE_QUEUE_PREFIX: prefix,
    SEKUIRE_LOG_LEVEL: "info",
    ...overrides,
  });
  return {
    t,
    prefix,
    sink,
    /** A worker sweeping every second, mailing the sink (or `smtpUrl`). */
    worker: (env: Record<string, string> = {}) =>
      startProcess(
        "worker",
        common({
          SMTP_URL: `smtp://${sink().host}:${sink().port}`,
          SEKUIRE_CONSOLE_URL: CONSOLE_URL,
          SEKUIRE_SWEEP_SECONDS: "1",
          SEKUIRE_NOTIFY_GRACE_SECONDS: "1",
          ...env,
        }),
      ),
    decisionApi: (env: Record<string, string> = {}) =>
      startProcess("decision-api", common({ SEKUIRE_STORE_TIMEOUT_MS: "10000", ...env })),
    workspace: (timeoutSeconds?: number, channels?: unknown[]): ReturnType<typeof liveWorkspace> =>
      liveWorkspace(t.db, approvalPolicy(timeoutSeconds, channels)),
  };
}

/** Asks the decision API for a write that needs approval; returns the request's id. */
export async function askApproval(apiUrl: string, secret: string, path = "/srv/report.csv") {
  const response = await fetch(`${apiUrl}/v1/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({
      action: "file:Write",
      resource: `file://${path}`,
      context: { ticket: "OPS-7" },
    }),
  });
  const body = (await response.json()) as { decision: string; approval?: { id: string } };
  if (body.decision !== "RequireApproval" || !body.approval)
    throw new Error(`expected RequireApproval, got ${JSON.stringify(body)}`);
  return body.approval.id;
}
