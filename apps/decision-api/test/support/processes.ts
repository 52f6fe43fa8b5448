/**
 * Real decision-api processes for the integration tests: `node dist/main.js` on an ephemeral
 * port over the test's own database, its JSON log lines kept for assertions. Every process a
 * test starts is stopped after the file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export interface DecisionApiProcess {
  url: string;
  child: ChildProcess;
  /** every log line so far, parsed */
  logs: Array<Record<string, unknown>>;
  /** the raw output so far (stdout and stderr) */
  output(): string;
  /** SIGTERM, resolved with the exit code */
  stop(): Promise<number | null>;
  /** SIGKILL, resolved when it is gone */
  kill(): Promise<void>;
}

const started: DecisionApiProcess[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.kill()));
});

export async function startDecisionApi(env: Record<string, string>): Promise<DecisionApiProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      // A loaded CI box can take seconds over a cold lookup; tests of the deadline set their own.
      SEKUIRE_STORE_TIMEOUT_MS: "10000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let raw = "";
  const logs: Array<Record<string, unknown>> = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = new Promise<number>((resolve, reject) => {
    let pending = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      raw += chunk.toString();
      pending += chunk.toString();
      let newline = pending.indexOf("\n");
      while (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf("\n");
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (typeof entry.port === "number") resolve(entry.port);
        } catch {
          // not a log line
        }
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      raw += chunk.toString();
    });
    void exited.then((code) =>
      reject(new Error(`decision-api exited (${code}) before listening:\n${raw}`)),
    );
  });
  const handle: DecisionApiProcess = {
    url: `http://127.0.0.1:${await port}`,
    child,
    logs,
    output: () => raw,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
  started.push(handle);
  return handle;
}
