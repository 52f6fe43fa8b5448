/**
 * Where each value of a JSON text sits, by JSON Pointer. Used to highlight statements and to jump
 * to an evaluation error's pointer. Only called on text the engine already accepted as JSON, so it
 * is a small strict parser that gives up (returns what it has) on anything unexpected.
 */
export interface Span {
  from: number;
  to: number;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function jsonLocations(text: string): Map<string, Span> {
  const out = new Map<string, Span>();
  let i = 0;

  const ws = () => {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
  };

  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text.charAt(i) !== '"') i += text.charAt(i) === "\\" ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };

  const value = (pointer: string): void => {
    ws();
    const from = i;
    const ch = text.charAt(i);
    if (ch === "{") {
      i++;
      ws();
      while (i < text.length && text.charAt(i) !== "}") {
        ws();
        const key = str();
        ws();
        i++; // colon
        value(`${pointer}/${escapeToken(key)}`);
        ws();
        if (text.charAt(i) === ",") i++;
        ws();
      }
      i++;
    } else if (ch === "[") {
      i++;
      ws();
      let n = 0;
      while (i < text.length && text.charAt(i) !== "]") {
        value(`${pointer}/${n++}`);
        ws();
        if (text.charAt(i) === ",") i++;
        ws();
      }
      i++;
    } else if (ch === '"') {
      str();
    } else {
      while (i < text.length && /[^\s,\]}]/.test(text.charAt(i))) i++;
    }
    out.set(pointer, { from, to: i });
  };

  try {
    value("");
  } catch {
    // Partial map: good enough for highlighting.
  }
  return out;
}

/** The span of statement `index`: `/Statement/index`, or `/Statement` when it is one object. */
export function statementSpan(locations: Map<string, Span>, index: number): Span | undefined {
  return (
    locations.get(`/Statement/${index}`) ?? (index === 0 ? locations.get("/Statement") : undefined)
  );
}
