import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, parseEnv } from "../src/index.js";

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url().optional(),
});

describe("parseEnv", () => {
  it("reads and defaults", () => {
    expect(parseEnv("test", schema, { PORT: "4000" })).toEqual({ PORT: 4000 });
    expect(parseEnv("test", schema, {})).toEqual({ PORT: 3000 });
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv("test", schema, { PORT: "  ", DATABASE_URL: "" })).toEqual({ PORT: 3000 });
  });

  it("names every bad variable and the process", () => {
    let error: unknown;
    try {
      parseEnv("console", schema, { PORT: "http", DATABASE_URL: "nope" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).variables.sort()).toEqual(["DATABASE_URL", "PORT"]);
    expect((error as EnvError).message).toMatch(/^console: the environment is not valid:\n {2}/);
    expect((error as EnvError).message).toContain("PORT:");
  });
});
