import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../src/errors/index.js";
import { parseInput, toPointer } from "../../src/shared/index.js";

describe("toPointer", () => {
  it("escapes `~` and `/` as RFC 6901 says, and numbers are indexes", () => {
    expect(toPointer([])).toBe("");
    expect(toPointer(["a/b", "c~d", 0])).toBe("/a~1b/c~0d/0");
  });

  it("is the pointer parseInput reports for a bad field", () => {
    const schema = z.object({ "x/y": z.array(z.string()) });
    try {
      parseInput(schema, { "x/y": ["ok", 5] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details?.map((d) => d.pointer)).toEqual(["/x~1y/1"]);
    }
  });
});
