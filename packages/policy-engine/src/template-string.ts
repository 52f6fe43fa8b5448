/**
 * Policy variables (`${agent.id}`) in resource patterns and condition values, with IAM's escapes
 * `${*}`, `${?}` and `${$}` for a literal `*`, `?` and `$`.
 */

/** `text`: as written (wildcards stay wildcards); `literal`: an escape, never a wildcard. */
export type TemplatePiece = { text: string } | { literal: string } | { variable: string };

export type TemplateResult =
  | { ok: true; pieces: TemplatePiece[]; hasVariables: boolean }
  | { ok: false; message: string };

const ESCAPES: Record<string, string> = { "*": "*", "?": "?", $: "$" };
const VARIABLE_NAME = /^[A-Za-z0-9_:.-]+$/;

/**
 * Splits text into pieces as written, escapes and variables.
 */
export function parseTemplate(text: string): TemplateResult {
  if (!text.includes("${")) return { ok: true, pieces: [{ text }], hasVariables: false };
  const pieces: TemplatePiece[] = [];
  let hasVariables = false;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("${", i);
    if (open < 0) {
      pieces.push({ text: text.slice(i) });
      break;
    }
    if (open > i) pieces.push({ text: text.slice(i, open) });
    const close = text.indexOf("}", open + 2);
    if (close < 0)
      return { ok: false, message: `\`\${\` at position ${open} has no closing \`}\`` };
    const name = text.slice(open + 2, close);
    const escaped = ESCAPES[name];
    if (escaped !== undefined) pieces.push({ literal: escaped });
    else if (VARIABLE_NAME.test(name)) {
      pieces.push({ variable: name });
      hasVariables = true;
    } else
      return {
        ok: false,
        message: `\`\${${name}}\` is not a variable: use a context key such as \`\${agent.id}\``,
      };
    i = close + 1;
  }
  return { ok: true, pieces, hasVariables };
}
