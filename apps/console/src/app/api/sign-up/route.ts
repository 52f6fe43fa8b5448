import { errorResponse } from "@sekuire/contracts";
import { signUp } from "@sekuire/core/accounts";
import { platformDb } from "@sekuire/core/runtime";
import { requestOriginOf } from "@/server/client-ip";
import { newRequestId, routeErrorResponse } from "@/server/route-errors";

export const dynamic = "force-dynamic";

/**
 * Sign-up (core's `signUp`: the user and their organization in one transaction). Errors come in
 * the one envelope; bad fields are listed in `details` with their JSON pointers, and the form
 * shows the first.
 */
export async function POST(req: Request): Promise<Response> {
  const requestId = newRequestId();
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return errorResponse("BAD_REQUEST", "Send the form as JSON.", { requestId });
  }
  try {
    const created = await signUp(platformDb, body, requestOriginOf(req.headers));
    return Response.json(created, { status: 201, headers: { "x-request-id": requestId } });
  } catch (error) {
    return routeErrorResponse(error, requestId);
  }
}
