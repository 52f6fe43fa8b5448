/** JSON Pointer (RFC 6901) helpers. */

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointerOf(...tokens: Array<string | number>): string {
  let out = "";
  for (const t of tokens) out += `/${escapeToken(t)}`;
  return out;
}

export function child(parent: string, token: string | number): string {
  return `${parent}/${escapeToken(token)}`;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}
