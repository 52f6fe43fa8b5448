// The slug rules are part of the wire format (the console previews them): one definition.
export { slugify, slugSchema } from "@sekuire/contracts";
