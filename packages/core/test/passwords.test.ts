import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../src/passwords.js";

describe("passwords", () => {
  it("verify the right password and refuse a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
  });

  it("salt every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuse malformed stored values instead of throwing", async () => {
    for (const bad of [
      "",
      "plain",
      "scrypt$1$1$1$$",
      "bcrypt$x$y$z$a$b",
      "scrypt$99999999$8$1$AAAA$AAAA",
    ])
      expect(await verifyPassword("x", bad)).toBe(false);
  });
});
