/**
 * A workspace's slug: what URLs and the CLI use, unique within the organization. The console
 * previews it as the name is typed and core derives it the same way, so it lives here, once.
 */
import { z } from "zod";

export const SLUG_MAX_LENGTH = 48;

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes.");

/** `Production EU` → `production-eu`; empty when the name has no letters or digits at all. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, "");
}
