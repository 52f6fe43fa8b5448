/**
 * Every service validates its input itself, so a caller that skips the tRPC layer (a script, the
 * worker) gets the same checks. A zod failure becomes BAD_REQUEST with one `{ pointer, message }`
 * per bad field, the JSON Pointer the console uses to put the message beside the field.
 */
import { pointerOf } from "@sekuire/policy-engine";
import type { z } from "zod";
import { AppError, type ErrorDetail } from "../errors/index.js";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(result.error);
}

/** A zod failure as core tells it: BAD_REQUEST with one `{ pointer, message }` per bad field. */
export function invalidInput(error: z.ZodError): AppError {
  const details: ErrorDetail[] = error.issues.map((issue) => ({
    pointer: toPointer(issue.path),
    message: issue.message,
    code: issue.code,
  }));
  return new AppError("BAD_REQUEST", "The input is not valid.", details);
}

/** A zod issue path as a JSON Pointer, escaped as the engine escapes its findings' pointers. */
export function toPointer(path: readonly PropertyKey[]): string {
  return pointerOf(...path.map(String));
}
