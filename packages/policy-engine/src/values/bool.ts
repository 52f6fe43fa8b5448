/** Booleans: JSON true/false, or the strings "true"/"false" in any case (IAM's lenient reading). */
export function readBool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && value.length <= 5) {
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  return undefined;
}
