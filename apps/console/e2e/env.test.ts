/**
 * The console reads its environment once at start (node-server/env.mjs, src/server/env.ts via
 * instrumentation.ts): a bad value stops it with a message naming the variable, instead of a
 * silent default or a failure at the first request that needs it.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APP_DIR } from "./harness";

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(APP_DIR, "node-server/main.mjs"), "-p", "0"], {
      cwd: APP_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    // A console that starts is a failure here: stop it after a while and report what it said.
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("a bad environment", () => {
  it("stops the console's server at start, naming the variable", async () => {
    const { code, output } = await start({ SEKUIRE_TRUSTED_PROXIES: "10.0.0.0/99" });
    expect(code).toBe(1);
    expect(output).toContain("SEKUIRE_TRUSTED_PROXIES");
  });

  it("stops the console at start when the Next code's environment is bad", async () => {
    const { code, output } = await start({ SEKUIRE_SESSION_MAX_AGE: "twelve hours" });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain("SEKUIRE_SESSION_MAX_AGE");
  });

  it("stops it for a port that is not one", async () => {
    const { code, output } = await start({ PORT: "http" });
    expect(code).toBe(1);
    expect(output).toContain("PORT");
  });
});
