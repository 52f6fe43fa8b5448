/**
 * Mail about an approval request: what the agent wants (action, resource, the context as it was
 * recorded, redacted where the policy says), how long is left, and a link to the console page
 * where a signed-in approver decides. The link only opens the page: nothing is decided by
 * following it, so mail scanners that fetch links change nothing.
 */
import { type EmailContent, escapeHtml } from "./templates.js";

export type ApprovalMailKind = "requested" | "reminder" | "escalation";

export interface ApprovalMailInput {
  kind: ApprovalMailKind;
  url: string;
  organizationName: string;
  workspaceName: string;
  agentName: string;
  action: string;
  resource: string;
  context: unknown;
  reason: string | null;
  approverRole: string;
  expiresAt: Date;
  now: Date;
}

/** "12 minutes", "2 hours 5 minutes", "less than a minute". */
export function timeLeft(expiresAt: Date, now: Date): string {
  const minutes = Math.floor((expiresAt.getTime() - now.getTime()) / 60_000);
  if (minutes < 1) return "less than a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (hours === 0) return part(rest, "minute");
  return rest === 0 ? part(hours, "hour") : `${part(hours, "hour")} ${part(rest, "minute")}`;
}

/** The recorded context as indented JSON, cut at 4,000 characters (the page has it all). */
function contextText(context: unknown): string {
  if (context === null || context === undefined) return "(not recorded)";
  const text = JSON.stringify(context, null, 2);
  return text.length > 4000 ? `${text.slice(0, 4000)}\n… (cut: the page shows it all)` : text;
}

const HEADLINES: Record<ApprovalMailKind, (agent: string) => string> = {
  requested: (agent) => `${agent} asks for approval`,
  reminder: (agent) => `Reminder: ${agent} is still waiting for approval`,
  escalation: (agent) => `Unanswered: ${agent} is waiting for an approver`,
};

export function approvalRequestEmail(input: ApprovalMailInput): EmailContent {
  const left = timeLeft(input.expiresAt, input.now);
  const headline = HEADLINES[input.kind](input.agentName);
  const subject = `${headline}: ${input.action} (${input.workspaceName}, ${input.organizationName})`;
  const context = contextText(input.context);
  const why =
    input.kind === "escalation"
      ? `Half its time has passed and no ${input.approverRole} has answered. As an owner you can decide it too.`
      : `Anyone with the ${input.approverRole} role or higher can decide it.`;
  const text = [
    `${headline}.`,
    "",
    `Organization: ${input.organizationName}`,
    `Workspace:    ${input.workspaceName}`,
    `Agent:        ${input.agentName}`,
    `Action:       ${input.action}`,
    `Resource:     ${input.resource}`,
    ...(input.reason ? [`Why asked:    ${input.reason}`] : []),
    `Time left:    ${left} (expires ${input.expiresAt.toISOString()})`,
    "",
    "Context, as recorded:",
    context,
    "",
    why,
    "Open the request to approve or deny it (the link decides nothing by itself):",
    input.url,
  ].join("\n");
  const row = (label: string, value: string) =>
    `<tr><td style="padding:4px 12px 4px 0;color:#6b7280;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0;word-break:break-all"><code>${escapeHtml(value)}</code></td></tr>`;
  const html = `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827">
<table role="presentation" width="100%" style="max-width:640px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<tr><td>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(headline)}</h1>
<table role="presentation" style="font-size:14px;margin:0 0 16px">
${row("Organization", input.organizationName)}
${row("Workspace", input.workspaceName)}
${row("Agent", input.agentName)}
${row("Action", input.action)}
${row("Resource", input.resource)}
${input.reason ? row("Why asked", input.reason) : ""}
${row("Time left", `${left} (expires ${input.expiresAt.toISOString()})`)}
</table>
<p style="font-size:13px;color:#6b7280;margin:0 0 4px">Context, as recorded:</p>
<pre style="font-size:12px;background:#f3f4f6;padding:12px;border-radius:6px;white-space:pre-wrap;word-break:break-all">${escapeHtml(context)}</pre>
<p>${escapeHtml(why)}</p>
<p style="margin:24px 0"><a href="${escapeHtml(input.url)}" style="display:inline-block;background:#111827;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">Open the request</a></p>
<p style="font-size:13px;color:#6b7280">The link opens the request in the Sekuire console; approving or denying takes a click there, signed in.<br><span style="word-break:break-all">${escapeHtml(input.url)}</span></p>
</td></tr></table></body></html>`;
  return { subject, text, html };
}
