#!/usr/bin/env node
// Runs every package's tests through turbo, then prints one closing line
// `N passed, N failed` summed over every runner's JSON report, so CI and people
// read the same number whatever mix of runners the packages use.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const workspaces = ["apps", "packages"].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(root, dir, d.name))
    : [],
);

// Stale reports from an earlier run must never be counted.
for (const ws of workspaces) rmSync(join(ws, ".test-results"), { recursive: true, force: true });

loadServicesEnv();

// Shell tests print their own closing line; their counts join the runners' below.
const shell = runShellTests();

// --continue: a failing package must not stop the others, so the closing count is complete.
const args = [
  "exec",
  "turbo",
  "run",
  "test",
  "--continue",
  "--output-logs=full",
  ...process.argv.slice(2),
];
const run = spawnSync("pnpm", args, { cwd: root, stdio: "inherit" });

let passed = shell.passed;
let failed = shell.failed;
let reports = 0;
for (const ws of workspaces) {
  const dir = join(ws, ".test-results");
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    reports += 1;
  }
}
const code = run.status ?? 1;

/** DATABASE_URL and REDIS_URL from `scripts/services.sh up`, unless already set. */
function loadServicesEnv() {
  const file = process.env.SEKUIRE_SERVICES_ENV_FILE ?? join(root, ".sekuire", "services.env");
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^(DATABASE_URL|REDIS_URL)=(.*)$/.exec(line.trim());
    if (m && !process.env[m[1]]) process.env[m[1]] = m[2];
  }
}

function runShellTests() {
  const totals = { passed: 0, failed: 0 };
  for (const test of ["scripts/services.test.sh", "scripts/boundaries.test.sh"]) {
    const r = spawnSync("bash", [test], { cwd: root, encoding: "utf8" });
    process.stdout.write(r.stdout ?? "");
    process.stderr.write(r.stderr ?? "");
    const m = /^(\d+) passed, (\d+) failed$/m.exec(r.stdout ?? "");
    totals.passed += m ? Number(m[1]) : 0;
    // A shell test that died without its closing line counts as a failure.
    totals.failed += m ? Number(m[2]) : 1;
    if (m && r.status !== 0 && Number(m[2]) === 0) totals.failed += 1;
  }
  return totals;
}
if (code !== 0 && failed === 0) failed = 1; // a crashed runner is a failure, even with no report
if (reports === 0 && code === 0) {
  console.error("no test reports were written: refusing to call that a pass");
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
