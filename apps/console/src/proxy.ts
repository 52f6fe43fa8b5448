/**
 * Next's proxy (formerly middleware): a fresh nonce per request, put into the
 * Content-Security-Policy of the response and of the request Next renders from, so Next puts
 * it on its own scripts and the layout can hand it to CodeMirror (see lib/security-headers.ts).
 */
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";
import { consoleEnv } from "@/server/env";

export const NONCE_HEADER = "x-nonce";
/** Read once: the proxy runs on every request. */
const DEVELOPMENT = consoleEnv().NODE_ENV === "development";

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, DEVELOPMENT);
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Static files carry no markup to protect (next.config.ts gives them the other headers).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
