/**
 * How a workspace's name becomes its slug, without zod: the console's form previews it in the
 * browser, where zod's compiled parsers would probe `eval` and trip the page's CSP
 * (`@sekuire/contracts/slug`). Core derives slugs with the same function.
 */
export const SLUG_MAX_LENGTH = 48;

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
