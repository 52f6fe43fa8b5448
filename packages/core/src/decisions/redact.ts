/**
 * `AuditLog.RedactPII`: personal data and secrets masked in a decision's context and resource
 * before any record, approval request or log line is written. Masks name what was there
 * (`[email]`), so a record still reads. Strings are scanned wherever they are (free text
 * included); keys are kept. The platform's own values (`source.ip`, `time.current` and the ids)
 * are facts of the call, not the caller's data, and are kept.
 *
 * Order matters: secrets first (they hold digits and dots), then emails, cards (only digit runs
 * that pass the Luhn check), national ids, IP addresses, phone numbers.
 */
import { isIP } from "node:net";
import { SERVER_KEYS } from "./context.js";

type Rule = { pattern: RegExp; mask: string | ((match: string) => string) };

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const RULES: Rule[] = [
  // Authorization headers and bare bearer tokens.
  { pattern: /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, mask: "Bearer [token]" },
  // JSON Web Tokens.
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, mask: "[token]" },
  // API keys: Sekuire's, OpenAI/Anthropic-style sk-, Stripe, AWS access keys, GitHub, Slack.
  {
    pattern:
      /\b(?:sek_(?:live|admin)_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[0-9A-Za-z]{16,}|(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abpors]-[A-Za-z0-9-]{10,})\b/g,
    mask: "[api-key]",
  },
  // Emails, also percent-encoded as resources often carry them (user://alice%40example.com).
  {
    pattern: /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    mask: "[email]",
  },
  // Card numbers: 13 to 19 digits, spaces or dashes allowed, that pass the Luhn check.
  {
    pattern: /\b\d(?:[ -]?\d){12,18}\b/g,
    mask: (m) => (luhn(m.replace(/[ -]/g, "")) ? "[card]" : m),
  },
  // National ids: US SSN (not 000, 666 or 9xx), UK National Insurance numbers.
  { pattern: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g, mask: "[national-id]" },
  { pattern: /\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g, mask: "[national-id]" },
  // IP addresses in free text (v4, and v6 checked by node:net so times and MACs are kept).
  {
    pattern: /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g,
    mask: "[ip]",
  },
  {
    pattern: /(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}/g,
    mask: (m) => (isIP(m) === 6 ? "[ip]" : m),
  },
  // Phone numbers: international (+ and 8 to 15 digits) or grouped national forms.
  { pattern: /\+\d(?:[ .-]?\(?\d\)?){7,14}\b/g, mask: "[phone]" },
  { pattern: /(?:\(\d{2,4}\)[ .-]?|\b\d{3}[.-])\d{3}[ .-]\d{4}\b/g, mask: "[phone]" },
];

export function redactText(text: string): string {
  let out = text;
  for (const rule of RULES)
    out = out.replace(rule.pattern, rule.mask as (substring: string) => string);
  return out;
}

const KEPT: ReadonlySet<string> = new Set(SERVER_KEYS);

/** A copy of `value` with every string redacted (the server's own keys at the top kept). */
export function redactValue(value: unknown, top = true): unknown {
  if (typeof value === "string") return redactText(value);
  // A card number sent as a JSON number is still a card number.
  if (typeof value === "number" && Number.isInteger(value) && value > 0) {
    const digits = String(value);
    if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) return "[card]";
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, false));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value))
      out[key] = top && KEPT.has(key) ? entry : redactValue(entry, false);
    return out;
  }
  return value;
}
