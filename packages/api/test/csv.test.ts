/**
 * The export's CSV cells against nasty input: RFC 4180 quoting, and OWASP's CSV-injection rule
 * (a leading = + - @ tab or CR is defused with an apostrophe, also when the cell then needs
 * quotes).
 */
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "../src/csv.js";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["file:///srv/a.txt", "file:///srv/a.txt"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rin", '"cr\rin"'],
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", '"\'\rcmd"'],
    ["=cmd|' /C calc'!A0,x", "\"'=cmd|' /C calc'!A0,x\""],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("writes null as empty, numbers as text, objects as quoted JSON", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell([{ sid: "A", n: 1 }])).toBe('"[{""sid"":""A"",""n"":1}]"');
    // A JSON value cannot start with a formula character; a string inside it stays quoted.
    expect(csvCell({ q: "=1" })).toBe('"{""q"":""=1""}"');
  });

  it("ends rows in CRLF", () => {
    expect(csvRow(["a", null, "=x"])).toBe("a,,'=x\r\n");
  });
});
