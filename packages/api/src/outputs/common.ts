/**
 * Field schemas of the API's outputs. The wire is plain JSON (json.ts): dates are ISO strings.
 * Output schemas are exact (strict objects): tRPC parses every result through them, so a field
 * a service starts returning without being declared here (a hash, another organization's id)
 * fails the call with a 500 that tests see, instead of reaching the wire.
 */
import { z } from "zod";

export const at = z.iso.datetime();
export const atOrNull = at.nullable();
export const roleSchema = z.enum(["owner", "admin", "approver", "viewer"]);
export const idOnly = z.strictObject({ id: z.string() });
export const nothing = z.void();

export const findingSchema = z.strictObject({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  pointer: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  endLine: z.number().int().optional(),
  endColumn: z.number().int().optional(),
});

export const personSchema = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string(),
});
