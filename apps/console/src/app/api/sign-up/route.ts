import { hashPassword } from "@sekuire/core";
import { createOrganization } from "@sekuire/core/organizations";
import { db } from "@sekuire/db";
import { z } from "zod";
import { normalizeEmail } from "@/server/auth";
import { requestOriginOf } from "@/server/client-ip";

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
  if (!parsed.success) {
    // Every problem, each with the JSON pointer of its field; the form shows the first.
    const details = parsed.error.issues.map((issue) => ({
      pointer: `/${issue.path.join("/")}`,
      message: issue.message,
    }));
    return Response.json(
      { error: details[0]?.message ?? "Check the form.", details },
      { status: 400 },
    );
  }
  const { name, password, organizationName } = parsed.data;
  const email = normalizeEmail(parsed.data.email);
  const taken = () =>
    Response.json(
      { error: "An account with this email already exists. Sign in instead.", pointer: "/email" },
      { status: 409 },
    );
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return taken();
  let user: { id: string };
  try {
    user = await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password) },
      select: { id: true },
    });
  } catch (error) {
    // Two sign-ups with one email at once: the unique index lets one in; the other is told so.
    if ((error as { code?: string }).code === "P2002") return taken();
    throw error;
  }
  try {
    const organization = await createOrganization(
      db,
      { kind: "user", userId: user.id, label: email, origin: requestOriginOf(req.headers) },
      { name: organizationName },
    );
    return Response.json({ userId: user.id, organizationId: organization.id }, { status: 201 });
  } catch (error) {
    // No user without their organization: undo the first half.
    await db.user.delete({ where: { id: user.id } }).catch(() => {});
    const message = error instanceof Error ? error.message : "Could not create the organization.";
    return Response.json({ error: message }, { status: 400 });
  }
}
