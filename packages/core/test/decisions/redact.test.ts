/** RedactPII's masks on real-looking samples, and what they must leave alone. */
import { describe, expect, it } from "vitest";
import { redactText, redactValue } from "../../src/decisions/index.js";

describe("redactText", () => {
  it.each([
    ["write to alice.smith+ops@example.co.uk today", "write to [email] today"],
    ["user://bob%40example.com", "user://[email]"],
    ["card 4111 1111 1111 1111, amex 3782-822463-10005", "card [card], amex [card]"],
    ["visa 4012888888881881", "visa [card]"],
    ["ssn 123-45-6789", "ssn [national-id]"],
    ["nino AB 12 34 56 C", "nino [national-id]"],
    ["from 203.0.113.7 via 2001:db8::8a2e:370:7334", "from [ip] via [ip]"],
    [
      "call +44 20 7946 0958 or (415) 555-0199 or 415-555-0123",
      "call [phone] or [phone] or [phone]",
    ],
    ["Authorization: Bearer abcdef123456.ghijkl", "Authorization: Bearer [token]"],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "jwt [token]"],
    ["key sek_live_mtPxZCRjfPlkcCMAKflXhigCOcd2Fw8K_19xbti", "key [api-key]"],
    ["openai sk-proj-abcdefghijklmnopqrstuvwx", "openai [api-key]"],
    ["aws AKIAIOSFODNN7EXAMPLE", "aws [api-key]"],
    ["gh ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "gh [api-key]"],
  ])("masks %s", (text, masked) => {
    expect(redactText(text)).toBe(masked);
  });

  it.each([
    "card-like 4111 1111 1111 1112 fails Luhn",
    "order 2026-12-07 at 12:30:45, id 12345678, version 1.2.3",
    "mac 00:1a:2b:3c:4d:5e",
    "file:///srv/reports/q3.txt",
  ])("keeps %s", (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe("redactValue", () => {
  it("masks strings at any depth and card numbers sent as numbers; keeps keys, other numbers and the server's own values", () => {
    const value = {
      "source.ip": "198.51.100.4",
      "agent.id": "agt_1",
      note: "mail me at a@b.io",
      nested: { list: ["ok", "ip 10.1.2.3"], n: 4111111111111111, count: 42 },
    };
    expect(redactValue(value)).toEqual({
      "source.ip": "198.51.100.4",
      "agent.id": "agt_1",
      note: "mail me at [email]",
      nested: { list: ["ok", "ip [ip]"], n: "[card]", count: 42 },
    });
    expect(value.note).toBe("mail me at a@b.io"); // the input is not changed
  });
});
