/**
 * An opaque page cursor: the (createdAt, id) of the last event shown. Keyset pagination stays
 * fast and stable while new events arrive, unlike offsets.
 */
import { AppError } from "../errors/index.js";

export interface AuditCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString(
    "base64url",
  );
}

export function decodeCursor(text: string): AuditCursor {
  try {
    const [iso, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    const createdAt = new Date(String(iso));
    if (typeof id === "string" && !Number.isNaN(createdAt.getTime())) return { createdAt, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_REQUEST", "The input is not valid.", [
    { pointer: "/cursor", message: "Not a cursor from a previous page." },
  ]);
}
