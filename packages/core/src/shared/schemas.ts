/**
 * Field schemas shared by the services' inputs. Ids are checked for their prefix so an agent id
 * pasted where a workspace id belongs is a BAD_REQUEST naming the field, not a puzzling NOT_FOUND.
 */
import { type IdPrefix, isId } from "@sekuire/db";
import { z } from "zod";

export function idOf(prefix: IdPrefix) {
  return z.string().refine((value) => isId(prefix, value), {
    message: `Expected an id starting with "${prefix}_".`,
  });
}

export const organizationIdSchema = idOf("org");

export const roleSchema = z.enum(["owner", "admin", "approver", "viewer"]);

/** A display name: trimmed, not blank, short enough for a list row. */
export const nameSchema = z.string().trim().min(1, "Must not be blank.").max(100);

export const descriptionSchema = z.string().trim().max(1000);

/** Accepts a Date or an ISO string (the wire is plain JSON). */
export const dateSchema = z.coerce.date();

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Must be an email address." }));
