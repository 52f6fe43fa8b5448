/**
 * Real processes for the worker's tests (@sekuire/testkit): the worker (this package's dist/)
 * and the decision API (its dist/). Every process a test starts is killed after it: workers of
 * one file share a queue prefix, and one left over would take the next test's jobs.
 */
import { fileURLToPath } from "node:url";
import { type ServiceProcess, spawnService, eventually as within } from "@sekuire/testkit";
import { afterEach } from "vitest";

/** `within` with the worker's default: jobs and sweeps take seconds, not milliseconds. */
export const eventually = (check: () => Promise<boolean>, ms = 10_000) => within(check, ms);

const MAINS = {
  worker: fileURLToPath(new URL("../../dist/main.js", import.meta.url)),
  "decision-api": fileURLToPath(new URL("../../../decision-api/dist/main.js", import.meta.url)),
};

export type RunningProcess = ServiceProcess;

const started: RunningProcess[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.kill()));
});

export async function startProcess(
  kind: keyof typeof MAINS,
  env: Record<string, string>,
): Promise<RunningProcess> {
  const handle = await spawnService(MAINS[kind], env, kind);
  started.push(handle);
  return handle;
}
