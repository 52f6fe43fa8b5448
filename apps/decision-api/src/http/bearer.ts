/** The API key from `Authorization: Bearer <key>`; 401 when there is none. */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.js";

export function bearerToken(req: IncomingMessage): string {
  const header = req.headers.authorization;
  const match = typeof header === "string" ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  if (!match?.[1])
    throw new HttpError(
      "UNAUTHORIZED",
      "An agent API key is required: send Authorization: Bearer <key>.",
      [],
      { "www-authenticate": 'Bearer realm="sekuire"' },
    );
  return match[1];
}
