/** A workspace's slug: what URLs and the CLI use, unique within the organization. */
import { z } from "zod";
import { SLUG_MAX_LENGTH } from "./slug/index.js";

export { SLUG_MAX_LENGTH, slugify } from "./slug/index.js";

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes.");
