#!/usr/bin/env node
// Seeds the demo organization into DATABASE_URL (run after the migrations; `pnpm db:seed`).
// Idempotent: existing data is kept, and runs at once take turns (an advisory lock held for the
// whole seed, which is why the pool below has two connections: one holds the lock). The demo's
// secrets are printed only when they are created or rotated, and always kept in
// .sekuire/demo.json (git-ignored, mode 0600).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stateFile = join(root, ".sekuire", "demo.json");
const consoleUrl = "http://localhost:3000";
const decisionApiUrl = `http://localhost:${process.env.SEKUIRE_DECISION_API_PORT ?? 4000}`;
const workerUrl = `http://localhost:${process.env.SEKUIRE_WORKER_PORT ?? 4100}`;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "seed-demo: DATABASE_URL is not set. Run `bash scripts/services.sh up`, then " +
      "`pnpm db:seed` (which reads .sekuire/services.env), or set DATABASE_URL yourself.",
  );
  process.exit(1);
}

// The seed runs the built packages; turbo rebuilds them only when their sources changed. Where
// turbo is absent (an image with only the build output), the built files are used as they are.
const builtDemo = join(root, "packages", "core", "dist", "demo", "index.js");
const build = spawnSync(
  join(root, "node_modules", ".bin", "turbo"),
  ["run", "build", "--filter=@sekuire/core", "--output-logs=errors-only"],
  { cwd: root, encoding: "utf8" },
);
const turboMissing = build.error?.code === "ENOENT" && existsSync(builtDemo);
if (build.status !== 0 && !turboMissing) {
  process.stderr.write(build.stdout ?? "");
  process.stderr.write(build.stderr ?? "");
  console.error(
    `seed-demo: building @sekuire/core failed${build.error ? `: ${build.error.message}` : ""}`,
  );
  process.exit(1);
}

const { seedDemo } = await import(pathToFileURL(builtDemo).href);
const { createDb } = await import(
  pathToFileURL(join(root, "packages", "db", "dist", "index.js")).href
);

const db = createDb({ url, maxConnections: 2 });
let result;
try {
  result = await seedDemo(db, { stateFile, consoleUrl, decisionApiUrl, workerUrl });
} catch (error) {
  console.error(`seed-demo: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
if (result) report(result);

function report(r) {
  const where = relative(process.cwd(), r.stateFile) || r.stateFile;
  console.log(
    `Demo organization "${r.organization.name}" (${r.organization.id}): ${r.organization.status}`,
  );
  console.log(`  owner ${r.owner.email}: ${r.owner.status}`);
  for (const w of r.workspaces) {
    const done = [];
    if (w.status === "created") done.push("workspace created");
    if (w.policy.status === "created") done.push(`policy "${w.policy.name}" created`);
    if (w.policy.publish === "published") done.push("published");
    if (w.policy.publish === "pending") done.push("publish waiting for a second admin");
    if (w.policy.assignment === "created") done.push("assigned");
    if (w.agent.status === "created") done.push(`agent "${w.agent.name}" created`);
    const kept = `kept (policy "${w.policy.name}" assigned, agent "${w.agent.name}")`;
    console.log(`  ${`${w.slug}:`.padEnd(13)}${done.length > 0 ? done.join(", ") : kept}`);
  }
  const c = r.credentials;
  if (c.status === "kept") {
    console.log(
      `Demo credentials unchanged (password and keys still verify); they are in ${where}` +
        (r.stateFileWritten ? " (file updated)." : "."),
    );
    return;
  }
  console.log("");
  console.log(
    c.status === "created"
      ? "Demo credentials created (shown this once):"
      : `Demo credentials rotated because ${c.reason}; the old keys are revoked (shown this once):`,
  );
  console.log(`  console          ${c.state.consoleUrl}`);
  console.log(`  email            ${c.state.email}`);
  console.log(`  password         ${c.state.password}`);
  console.log(`  production key   ${c.state.apiKey}`);
  console.log(`  decision API     ${c.state.decisionApiUrl}`);
  if (c.state.workerUrl) console.log(`  worker health    ${c.state.workerUrl}/healthz`);
  console.log(
    `They and the development and healthcare keys are stored in ${where} (mode 0600). ` +
      "Keys are kept only as hashes: delete that file and run `pnpm db:seed` to rotate them.",
  );
}
