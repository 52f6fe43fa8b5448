/** How messages quote what the user wrote: invisible characters are shown, long text is cut. */

/** Control, format and space characters other than the plain space, which would not show. */
function invisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    code === 0x34f ||
    code === 0x61c ||
    code === 0x115f ||
    code === 0x1160 ||
    code === 0x17b4 ||
    code === 0x17b5 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x206f) ||
    code === 0x3000 ||
    code === 0x3164 ||
    code === 0xfeff ||
    code === 0xffa0
  );
}

export function quote(text: string, max = 120): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  let shown = "";
  for (let i = 0; i < cut.length; i++) {
    const code = cut.charCodeAt(i);
    shown += invisible(code) ? `\\u${code.toString(16).padStart(4, "0")}` : cut[i];
  }
  return `\`${shown}\``;
}

/** Names the first non-ASCII character, so a look-alike (`：`, `е`) is not a mystery. */
export function nonAsciiNote(text: string): string {
  for (const c of text) {
    const cp = c.codePointAt(0) as number;
    if (cp > 0x7e || cp < 0x20)
      return ` (it contains ${quote(c)}, U+${cp.toString(16).toUpperCase().padStart(4, "0")}, which is not ASCII)`;
  }
  return "";
}
