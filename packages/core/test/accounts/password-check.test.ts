/**
 * Sign-in costs one scrypt whether or not the account has a password (accounts/password-check.ts),
 * checked by the path taken and the dummy's parameters, never by a clock (speed is not asserted
 * in tests).
 */

import { describe, expect, it } from "vitest";
import { dummyHash, passwordMatches } from "../../src/accounts/index.js";
import { hashPassword, verifyPassword } from "../../src/passwords.js";

/** verifyPassword, recording the hashes it was asked to check. */
function recordingVerify() {
  const hashes: string[] = [];
  const verify = (password: string, hash: string) => {
    hashes.push(hash);
    return verifyPassword(password, hash);
  };
  return { hashes, verify };
}

const parameters = (hash: string) => hash.split("$").slice(0, 4).join("$");

describe("passwordMatches", () => {
  it("verifies the dummy hash when there is no stored hash, and answers false", async () => {
    for (const missing of [null, undefined, ""]) {
      const { hashes, verify } = recordingVerify();
      await expect(passwordMatches(missing, "any password", verify)).resolves.toBe(false);
      expect(hashes).toEqual([await dummyHash()]);
    }
  });

  it("makes the dummy with the parameters real hashes get, so it costs the same", async () => {
    const real = await hashPassword("correct horse battery staple");
    expect(parameters(await dummyHash())).toBe(parameters(real));
    expect(parameters(real)).toMatch(/^scrypt\$\d+\$\d+\$\d+$/);
  });

  it("checks a stored hash once, right or wrong", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const { hashes, verify } = recordingVerify();
    await expect(passwordMatches(stored, "correct horse battery staple", verify)).resolves.toBe(
      true,
    );
    await expect(passwordMatches(stored, "wrong", verify)).resolves.toBe(false);
    expect(hashes).toEqual([stored, stored]);
  });

  it("never accepts a password against the dummy", async () => {
    await expect(verifyPassword("", await dummyHash())).resolves.toBe(false);
    await expect(passwordMatches(null, "")).resolves.toBe(false);
  });
});
