import { headers } from "next/headers";
import { consoleEnv } from "./env";

/** The console's public base URL: NEXTAUTH_URL, else what the request says it was sent to. */
export async function publicBaseUrl(): Promise<string> {
  const configured = consoleEnv().NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
