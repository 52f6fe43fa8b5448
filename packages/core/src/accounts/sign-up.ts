/**
 * Sign-up: the user (with a scrypt password hash), their organization and its audit event in one
 * transaction, so a failure leaves neither half behind. The client then signs in with the same
 * credentials.
 */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import type { RequestOrigin } from "../access/index.js";
import { AppError } from "../errors/index.js";
import { foundOrganization } from "../organizations/index.js";
import { hashPassword } from "../passwords.js";
import { isUniqueViolation, parseInput } from "../shared/index.js";
import { MIN_PASSWORD_LENGTH } from "./change-password.js";
import { normalizeEmail } from "./emails.js";

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(200),
  email: z.string().trim().email("Enter a valid email address.").max(320),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`)
    .max(1000),
  organizationName: z.string().trim().min(1, "Name your organization.").max(100),
});

export type SignUpInput = z.input<typeof signUpInput>;

function emailTaken(): AppError {
  const message = "An account with this email already exists. Sign in instead.";
  return new AppError("CONFLICT", message, [{ pointer: "/email", message }]);
}

export async function signUp(
  db: Db,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ userId: string; organizationId: string }> {
  const parsed = parseInput(signUpInput, input);
  const email = normalizeEmail(parsed.email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(parsed.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: parsed.name, email, passwordHash },
        select: { id: true },
      });
      const principal = { userId: user.id, label: email, origin };
      const organization = await foundOrganization(tx, principal, parsed.organizationName);
      return { userId: user.id, organizationId: organization.id };
    });
  } catch (error) {
    // Two sign-ups with one email at once: the unique index lets one in; the other is told so.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
