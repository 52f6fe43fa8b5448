/**
 * Real processes for the worker's tests: the worker (this package's dist/) and the decision API
 * (its dist/), each on a port of its own, found from its "listening" log line. Every process a
 * test starts is killed after it: workers of one file share a queue prefix, and one left over
 * would take the next test's jobs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

const MAINS = {
  worker: fileURLToPath(new URL("../../dist/main.js", import.meta.url)),
  "decision-api": fileURLToPath(new URL("../../../decision-api/dist/main.js", import.meta.url)),
};

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  logs: Array<Record<string, unknown>>;
  output: () => string;
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

const started: RunningProcess[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.kill()));
});

export async function startProcess(
  kind: keyof typeof MAINS,
  env: Record<string, string>,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [MAINS[kind]], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
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
      for (let at = pending.indexOf("\n"); at >= 0; at = pending.indexOf("\n")) {
        const line = pending.slice(0, at);
        pending = pending.slice(at + 1);
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
      reject(new Error(`${kind} exited (${code}) before listening:\n${raw}`)),
    );
  });
  const handle: RunningProcess = {
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

/** Polls `check` until it holds or `ms` pass; resolves with how long it took. */
export async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${ms} ms`);
}
