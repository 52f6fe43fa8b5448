import { afterEach, describe, expect, it } from "vitest";

const saved = process.env.DATABASE_URL;

afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
});

describe("the shared client", () => {
  it("can be imported without DATABASE_URL and says what is missing on first use", async () => {
    delete process.env.DATABASE_URL;
    const { db, disconnectDb } = await import("../src/index.js");
    await disconnectDb();
    expect(() => db.workspace).toThrow(/DATABASE_URL is not set/);
  });

  it("is created once, on first use, and reused", async () => {
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";
    const { db, getDb, disconnectDb } = await import("../src/index.js");
    await disconnectDb();
    expect(typeof db.$transaction).toBe("function");
    expect(getDb()).toBe(getDb());
    await disconnectDb();
  });
});
