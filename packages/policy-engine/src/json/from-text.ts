/**
 * Text -> JNode with positions. jsonc-parser (VS Code's) does the tokenising and error recovery in
 * strict JSON mode; we add the depth bound (its parser recurses), duplicate-key detection and the
 * document size bound.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { Findings } from "../findings.js";
import { MAX_DEPTH, MAX_DOCUMENT_BYTES } from "../limits.js";
import { child } from "./pointer.js";
import type { JMember, JNode } from "./tree.js";

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Offset of the first bracket that nests deeper than MAX_DEPTH, or -1. Strings are skipped. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: "This is not valid JSON here.",
  InvalidNumberFormat: "This number is not valid JSON.",
  PropertyNameExpected: "A member name in double quotes is expected here.",
  ValueExpected: "A value is expected here.",
  ColonExpected: "A `:` is expected after the member name.",
  CommaExpected: "A `,` is expected between items.",
  CloseBraceExpected: "A `}` is expected to close the object.",
  CloseBracketExpected: "A `]` is expected to close the list.",
  EndOfFileExpected: "Nothing may follow the document.",
  InvalidCommentToken: "Comments are not allowed in JSON.",
  UnexpectedEndOfComment: "Comments are not allowed in JSON.",
  UnexpectedEndOfString: "This string is not closed.",
  UnexpectedEndOfNumber: "This number is incomplete.",
  InvalidUnicode: "This \\u escape is not valid.",
  InvalidEscapeCharacter: "This escape sequence is not valid JSON.",
  InvalidCharacter: "This character must be escaped inside a JSON string.",
};

const MAX_SYNTAX_FINDINGS = 20;

/** The usual mistakes, recognised from the text around the error, in plain words. */
function diagnose(text: string, offset: number): string | undefined {
  const c = text[offset];
  let before = offset - 1;
  while (before >= 0 && /\s/.test(text[before] as string)) before--;
  if (c === "'") return 'Strings and member names need double quotes ("), not single quotes.';
  if (c === "/" && (text[offset + 1] === "/" || text[offset + 1] === "*"))
    return "Comments are not allowed in JSON.";
  if ((c === "}" || c === "]") && text[before] === ",")
    return "A trailing comma is not allowed in JSON: remove the `,` before it.";
  if (/^[+-]?(NaN|Infinity)/.test(text.slice(offset, offset + 9)))
    return "NaN and Infinity are not JSON numbers.";
  if (
    /^0[xX]/.test(text.slice(offset, offset + 2)) ||
    ((c === "x" || c === "X") && text[offset - 1] === "0")
  )
    return "Hexadecimal numbers are not JSON: write the number in decimal.";
  if (c === '"') {
    const close = text.indexOf('"', offset + 1);
    const nl = text.indexOf("\n", offset);
    if (nl >= 0 && (close < 0 || nl < close))
      return "A string cannot run past the end of its line: close it, or write \\n for a line break.";
  }
  if (c === "+") return "A JSON number cannot start with `+`.";
  if (
    /[0-9]/.test(text[before] ?? "") &&
    /^-?0[0-9]/.test(text.slice(wordStart(text, before), offset + 1))
  )
    return "A JSON number cannot have leading zeros.";
  return undefined;
}

function wordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && /[0-9.eE+-]/.test(text[i - 1] as string)) i--;
  return i;
}

/** The text found at the error, escaped so that invisible characters show. */
function found(text: string, offset: number, length: number): string {
  const raw = text.slice(offset, offset + Math.min(Math.max(length, 1), 20));
  return raw === "" ? "the end of the text" : JSON.stringify(raw);
}

/**
 * One finding per line at most: after the first mistake on a line, a recovering parser reports
 * echoes of it (a line break inside a string yields a dozen), which would bury the real problem.
 */
function syntaxFindings(text: string, errors: ParseError[], findings: Findings): void {
  const lines = new Set<number>();
  let count = 0;
  for (const e of errors) {
    const line = lineOf(text, e.offset);
    if (lines.has(line)) continue;
    lines.add(line);
    const name = printParseErrorCode(e.error);
    const base = SYNTAX_MESSAGES[name] ?? `Invalid JSON (${name}).`;
    const message = diagnose(text, e.offset) ?? `${base} Found ${found(text, e.offset, e.length)}.`;
    const span = { start: e.offset, end: e.offset + Math.max(1, e.length) };
    findings.error("InvalidJson", "", message, "value", span);
    if (++count === MAX_SYNTAX_FINDINGS) break;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function convert(node: Node, pointer: string, findings: Findings): JNode {
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case "object": {
      const members: JMember[] = [];
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        const keySpan = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
        if (seen.has(key)) {
          findings.error(
            "DuplicateKey",
            child(pointer, key),
            `\`${key}\` appears more than once in this object; JSON readers disagree on which one counts, so remove the duplicate.`,
            "key",
            keySpan,
          );
          continue;
        }
        seen.add(key);
        members.push({ key, keySpan, value: convert(valueNode, child(pointer, key), findings) });
      }
      return { kind: "object", members, span };
    }
    case "array":
      return {
        kind: "array",
        items: (node.children ?? []).map((c, i) => convert(c, child(pointer, i), findings)),
        span,
      };
    case "string":
      return { kind: "string", value: String(node.value), span };
    case "number":
      return { kind: "number", value: Number(node.value), span };
    case "boolean":
      return { kind: "boolean", value: Boolean(node.value), span };
    default:
      return { kind: "null", value: null, span };
  }
}

/** Parses text into a tree, or returns undefined with findings when it is not usable JSON. */
export function treeFromText(text: string, findings: Findings): JNode | undefined {
  // Bytes are always at least UTF-16 units, so the cheap check first rejects 10 MB at once.
  if (text.length > MAX_DOCUMENT_BYTES || utf8Length(text) > MAX_DOCUMENT_BYTES) {
    findings.error(
      "DocumentTooLarge",
      "",
      `The document is larger than ${MAX_DOCUMENT_BYTES / 1024} KiB; split it into several policies.`,
    );
    return undefined;
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    findings.error(
      "NestingTooDeep",
      "",
      "The document nests objects or lists deeper than a policy can; nothing in the language goes that deep.",
      "value",
      { start: deep, end: deep + 1 },
    );
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || !root) {
    if (errors.length === 0) findings.error("InvalidJson", "", "The document is empty.");
    syntaxFindings(text, errors, findings);
    return undefined;
  }
  return convert(root, "", findings);
}
