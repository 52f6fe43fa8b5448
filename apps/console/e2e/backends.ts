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
    // A loaded CI box can take seconds for a first query: the API's store deadline (which
    // fails closed with a 503) is widened as the worker's tests do.
    {
      NODE_ENV: "test",
      ...(app === "decision-api" ? { SEKUIRE_STORE_TIMEOUT_MS: "10000" } : {}),
      ...env,
    },
    app,
  );
}
