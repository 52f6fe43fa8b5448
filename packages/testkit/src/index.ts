/**
 * Real Sekuire processes for integration tests: `node <main>` with only the environment given
 * (plus PATH, PORT 0 and HOST 127.0.0.1), ready once its JSON log says which port it listens
 * on. Every log line is kept, parsed, for assertions. Who stops it is the caller's choice (a
 * file's afterAll, a test's afterEach).
 */
import { type ChildProcess, spawn } from "node:child_process";

export interface ServiceProcess {
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

export async function spawnService(
  main: string,
  env: Record<string, string>,
  name = main,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [main], {
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
      reject(new Error(`${name} exited (${code}) before listening:\n${raw}`)),
    );
  });
  return {
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
}

/** Polls `check` until it holds or `ms` pass; resolves with how long it took. */
export async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not within ${ms} ms`);
}
export {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./webhook-receiver.js";
