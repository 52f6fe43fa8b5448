import { requestOrigin } from "@sekuire/api";
import { hashPassword } from "@sekuire/core";
import { createOrganization } from "@sekuire/core/organizations";
import { db } from "@sekuire/db";
import { z } from "zod";
import { normalizeEmail } from "@/server/auth";

export const dynamic = "force-dynamic";

const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(200),
  email: z.string().trim().email("Enter a valid email address.").max(320),
  password: z.string().min(10, "Use at least 10 characters for your password.").max(1000),
  organizationName: z.string().trim().min(1, "Name your organization.").max(200),
});

/**
 * Sign-up: the user (with a scrypt password hash) and their organization, with the user as
 * owner. The client then signs in with the same credentials.
 */
export async function POST(req: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return Response.json({ error: "Send the form as JSON." }, { status: 400 });
  }
  const parsed = signUpInput.safeParse(body);
  if (!parsed.success)
    return Response.json(
      { error: parsed.error.issues[0]?.message ?? "Check the form." },
      { status: 400 },
    );
  const { name, password, organizationName } = parsed.data;
  const email = normalizeEmail(parsed.data.email);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing)
    return Response.json(
      { error: "An account with this email already exists. Sign in instead." },
      { status: 409 },
    );
  const user = await db.user.create({
    data: { name, email, passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  try {
    const organization = await createOrganization(
      db,
      { kind: "user", userId: user.id, label: email, origin: requestOrigin(req.headers) },
      { name: organizationName },
    );
    return Response.json({ userId: user.id, organizationId: organization.id }, { status: 201 });
  } catch (error) {
    await db.user.delete({ where: { id: user.id } }).catch(() => {});
    const message = error instanceof Error ? error.message : "Could not create the organization.";
    return Response.json({ error: message }, { status: 400 });
  }
}
