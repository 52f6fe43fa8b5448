#!/usr/bin/env node
/**
 * `pnpm bench:api`: the decision API's throughput and latency against a bare node:http endpoint,
 * in one run on this machine. One decision-api process (built dist/) over a throw-away migrated
 * database and the services' Redis; a workspace whose policy allows most requests and denies
 * some, AuditLog Required (every answer waits for its record's commit) with all_actions (every
 * decision recorded), MaxApiCallsPerHour counted but never reached. autocannon drives both at
 * full speed, then the decision API at half its maximum rate for the latency there.
 * Targets (issue 12): ≥ 35% of the bare endpoint's throughput; p99 < 10 ms at half the maximum.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { signUp } from "@sekuire/core/accounts";
import { createAgent, createApiKey } from "@sekuire/core/agents";
import { assignPolicy, createPolicy, publishPolicy } from "@sekuire/core/policies";
import { createWorkspace } from "@sekuire/core/workspaces";
import { createTestDatabase } from "@sekuire/db/testing";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const BARE = fileURLToPath(new URL("./bare-server.mjs", import.meta.url));

const POLICY = JSON.stringify({
  Version: "2024-12-02",
  Statement: [
    { Sid: "Reads", Effect: "Allow", Action: "file:Read", Resource: "file:///srv/*" },
    { Sid: "NoDeletes", Effect: "Deny", Action: "db:Delete", Resource: "*" },
  ],
  ResourceLimits: { MaxApiCallsPerHour: 1_000_000_000 },
  AuditLog: {
    Required: process.env.BENCH_REQUIRED !== "false",
    RetentionDays: 30,
    Include: ["all_actions", "outcomes", "resources"],
  },
});

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(file, env, nodeArgs = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, file], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${file} did not start`);
}

async function workspaceKey(db) {
  const email = `bench-${Date.now()}@example.test`;
  const { userId, organizationId } = await signUp(db, {
    email,
    password: "correct horse battery staple",
    name: "Bench",
    organizationName: "Bench",
  });
  const me = { kind: "user", userId };
  const workspace = await createWorkspace(db, me, { organizationId, name: "Bench" });
  const { policy } = await createPolicy(db, me, {
    organizationId,
    name: "Bench",
    document: POLICY,
  });
  await publishPolicy(db, me, {
    organizationId,
    policyId: policy.id,
    changeNote: "bench",
    document: POLICY,
  });
  await assignPolicy(db, me, { organizationId, policyId: policy.id, workspaceId: workspace.id });
  const agent = await createAgent(db, me, {
    organizationId,
    workspaceId: workspace.id,
    name: "bench",
  });
  return (await createApiKey(db, me, { organizationId, agentId: agent.id })).secret;
}

function run(url, key, extra = {}) {
  // Nine reads allowed for one delete denied, cycling.
  const requests = Array.from({ length: 10 }, (_, i) => ({
    method: "POST",
    path: "/v1/decisions",
    body: JSON.stringify(
      i === 9
        ? { action: "db:Delete", resource: "db://prod/users" }
        : { action: "file:Read", resource: `file:///srv/data/${i}.csv` },
    ),
  }));
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    requests,
    ...extra,
  });
}

const row = (name, r) =>
  `${name.padEnd(26)} ${String(Math.round(r.requests.average)).padStart(8)}/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   p99.9 ${r.latency.p99_9} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;

const database = await createTestDatabase();
const processes = [];
try {
  const key = await workspaceKey(database.db);
  const api = await start(
    MAIN,
    {
      DATABASE_URL: database.url,
      SEKUIRE_LOG_LEVEL: "warn",
      SEKUIRE_KEY_RATE_PER_SECOND: "0",
    },
    (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
  processes.push(api.child);
  const bare = await start(BARE, {});
  processes.push(bare.child);

  await run(api.url, key, { duration: 2 }); // warm-up: caches, JIT, pool
  const bareMax = await run(bare.url, key);
  const apiMax = await run(api.url, key);
  const half = Math.max(1, Math.floor(apiMax.requests.average / 2));
  const apiHalf = await run(api.url, key, { overallRate: half });
  const records = await database.db.$unscoped.decisionLog.count();
  const metrics = await (await fetch(`${api.url}/metrics`)).text();
  const metric = (name) =>
    Number(metrics.match(new RegExp(`^${name} (\\S+)$`, "m"))?.[1] ?? Number.NaN);
  const batches = metric("sekuire_audit_batch_size_count");

  const ratio = apiMax.requests.average / bareMax.requests.average;
  console.log(
    `decision API benchmark: ${CONNECTIONS} connections, ${SECONDS} s a run, ${records} decisions recorded`,
  );
  console.log(
    `group commit: ${batches} transactions, ${(metric("sekuire_audit_batch_size_sum") / batches).toFixed(1)} records and ` +
      `${((metric("sekuire_audit_commit_seconds_sum") / batches) * 1000).toFixed(2)} ms each on average; ` +
      `event loop delay p50 ${(metric("sekuire_decision_api_nodejs_eventloop_lag_p50_seconds") * 1000).toFixed(1)} ms, ` +
      `p99 ${(metric("sekuire_decision_api_nodejs_eventloop_lag_p99_seconds") * 1000).toFixed(1)} ms`,
  );
  console.log(row("bare node:http", bareMax));
  console.log(row("decision API (max)", apiMax));
  console.log(row(`decision API (${half}/s)`, apiHalf));
  console.log(
    `ratio ${(ratio * 100).toFixed(1)}% of bare (target ≥ 35%): ${ratio >= 0.35 ? "met" : "NOT met"}; ` +
      `p99 at half rate ${apiHalf.latency.p99} ms (target < 10 ms): ${apiHalf.latency.p99 < 10 ? "met" : "NOT met"}`,
  );
  if (apiMax.non2xx > 0 || apiMax.errors > 0) {
    console.error("the decision API answered errors under load: the numbers above are not valid");
    process.exitCode = 1;
  }
} finally {
  for (const child of processes) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await database.drop();
}
