/**
 * Real decision-api processes for the integration tests: `node dist/main.js` on an ephemeral
 * port over the test's own database (@sekuire/testkit), its JSON log lines kept for assertions.
 * Every process a file starts is stopped after the file.
 */
import { fileURLToPath } from "node:url";
import { type ServiceProcess, spawnService } from "@sekuire/testkit";
import { afterAll } from "vitest";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export type DecisionApiProcess = ServiceProcess;

const started: DecisionApiProcess[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.kill()));
});

export async function startDecisionApi(env: Record<string, string>): Promise<DecisionApiProcess> {
  const handle = await spawnService(
    MAIN,
    {
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      // A loaded CI box can take seconds over a cold lookup; tests of the deadline set their own.
      SEKUIRE_STORE_TIMEOUT_MS: "10000",
      ...env,
    },
    "decision-api",
  );
  started.push(handle);
  return handle;
}
