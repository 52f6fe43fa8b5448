/**
 * A request's JSON body, refused with the right status before any work: 415 for another content
 * type, 413 past the size limit (from Content-Length at once, or while streaming), 400 for text
 * that is not JSON, and 400 with a pointer per bad field when the schema refuses it.
 */
import type { IncomingMessage } from "node:http";
import { invalidInput } from "@sekuire/core/shared";
import type { z } from "zod";
import { HttpError } from "./errors.js";

/** The parsed body and its text (an idempotent retry is recognised by the text). */
export interface JsonBody {
  value: unknown;
  text: string;
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json")
    throw new HttpError(
      "UNSUPPORTED_MEDIA_TYPE",
      `The body must be application/json${type ? `, not ${type}` : " (Content-Type is missing)"}.`,
    );
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readText(req, maxBytes);
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new HttpError("BAD_REQUEST", "The body is not valid JSON.", [
      { pointer: "", message: why },
    ]);
  }
}

/** The body as text, refused past `maxBytes` while it streams (events: cheaper than for-await). */
function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        req.off("data", onData);
        req.resume(); // drain the rest unread, so the 413 can still be answered
        reject(tooLarge(maxBytes));
      }
    };
    req.on("data", onData);
    req.once("end", () => {
      if (size <= maxBytes)
        resolve(
          chunks.length === 1
            ? (chunks[0] as Buffer).toString("utf8")
            : Buffer.concat(chunks).toString("utf8"),
        );
    });
    req.once("error", reject);
    // A client gone before the end: nothing to decide (a no-op once resolved).
    req.once("close", () => {
      if (!req.complete) reject(new Error("the client closed the request before its end"));
    });
  });
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`);
}

/** The body through `schema`, or 400 naming each bad field by JSON Pointer. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details = invalidInput(result.error).details;
  throw new HttpError("BAD_REQUEST", "The body is not a valid request.", details);
}
