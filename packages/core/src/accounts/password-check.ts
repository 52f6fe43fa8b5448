/**
 * Password checks for sign-in that take the same time whether or not the account exists: with
 * no stored hash (unknown email, or an account that only uses magic links) a dummy hash is
 * verified instead, so every answer costs one scrypt and timing does not reveal who has an
 * account.
 */
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "../passwords.js";

let dummy: Promise<string> | undefined;

/** A real hash of a random password, made once with the parameters new hashes get. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummy;
}

/** Whether `password` matches `hash`; false, after the same work, when there is no hash. */
export async function passwordMatches(
  hash: string | null | undefined,
  password: string,
  verify: (password: string, hash: string) => Promise<boolean> = verifyPassword,
): Promise<boolean> {
  if (!hash) {
    await verify(password, await dummyHash());
    return false;
  }
  return verify(password, hash);
}
