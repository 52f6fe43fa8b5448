export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<tr><td>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>
${body}
</td></tr></table></body></html>`;
}

function button(url: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#111827;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>
<p style="font-size:13px;color:#6b7280">Or paste this link into your browser:<br><span style="word-break:break-all">${escapeHtml(url)}</span></p>`;
}

export function signInLinkEmail({ url, host }: { url: string; host: string }): EmailContent {
  const subject = `Sign in to Sekuire (${host})`;
  const text = [
    `Sign in to Sekuire at ${host}:`,
    "",
    url,
    "",
    "The link works once and expires soon. If you did not ask for it, ignore this email.",
  ].join("\n");
  const html = layout(
    "Sign in to Sekuire",
    `<p>Use the button below to sign in to Sekuire at <strong>${escapeHtml(host)}</strong>.</p>
${button(url, "Sign in")}
<p style="font-size:13px;color:#6b7280">The link works once and expires soon. If you did not ask for it, ignore this email.</p>`,
  );
  return { subject, text, html };
}

export function invitationEmail({
  url,
  organizationName,
  role,
  invitedBy,
}: {
  url: string;
  organizationName: string;
  role: string;
  invitedBy?: string | null;
}): EmailContent {
  const who = invitedBy?.trim() || "An administrator";
  const subject = `${who} invited you to ${organizationName} on Sekuire`;
  const text = [
    `${who} invited you to join ${organizationName} on Sekuire as ${role}.`,
    "",
    "Accept the invitation:",
    url,
    "",
    "The invitation works once and expires. If you did not expect it, ignore this email.",
  ].join("\n");
  const html = layout(
    `Join ${organizationName} on Sekuire`,
    `<p>${escapeHtml(who)} invited you to join <strong>${escapeHtml(organizationName)}</strong> as <strong>${escapeHtml(role)}</strong>.</p>
${button(url, "Accept the invitation")}
<p style="font-size:13px;color:#6b7280">The invitation works once and expires. If you did not expect it, ignore this email.</p>`,
  );
  return { subject, text, html };
}
