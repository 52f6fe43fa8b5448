/** How messages quote what the user wrote: invisible characters are shown, long text is cut. */

const INVISIBLE =
  /[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/g;

export function quote(text: string, max = 120): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  const shown = cut.replace(
    INVISIBLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
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
