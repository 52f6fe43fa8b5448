/**
 * The decision API and the worker as real processes beside the console (their built dist/),
 * for the browser tests of the approval loop. Each is found ready from its "listening" log line.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./harness";

export interface Backend {
  url: string;
  stop(): Promise<void>;
}

export function startBackend(app: "decision-api" | "worker", env: Record<string, string>) {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO_ROOT, "apps", app, "dist/main.js")],
    {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stderr?.on("data", (d) => {
    output += d;
  });
  return new Promise<Backend>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      output += d;
      const port = /"port":(\d+)/.exec(output)?.[1];
      if (port)
        resolve({
          url: `http://127.0.0.1:${port}`,
          async stop() {
            if (child.exitCode !== null) return;
            const exited = new Promise((ok) => child.once("exit", ok));
            child.kill("SIGKILL");
            await exited;
          },
        });
    });
    child.once("exit", (code) => reject(new Error(`${app} exited (${code}):\n${output}`)));
  });
}
