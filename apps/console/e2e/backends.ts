/**
 * The decision API and the worker as real processes beside the console (their built dist/),
 * for the browser tests of the approval loop (@sekuire/testkit).
 */
import { join } from "node:path";
import { type ServiceProcess, spawnService } from "@sekuire/testkit";
import { REPO_ROOT } from "./harness";

export type Backend = ServiceProcess;

export function startBackend(app: "decision-api" | "worker", env: Record<string, string>) {
  return spawnService(
    join(REPO_ROOT, "apps", app, "dist/main.js"),
    { NODE_ENV: "test", ...env },
    app,
  );
}
