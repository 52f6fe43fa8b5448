#!/usr/bin/env node
/**
 * `pnpm bench`: the engine against Cedar and casbin on the production template and on generated
 * sets. See README.md for what is measured and how to read it. Single-threaded by construction.
 */

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateRequests, generateSet } from "./generate.mjs";
import {
  gc,
  heapUsed,
  latency,
  median,
  throughput,
  timedCalls,
  timeMs,
  timerOverheadNs,
} from "./measure.mjs";
import { checkTargets, printHeader, printSet, printSummary } from "./report.mjs";

const HELP = `usage: node bench/run.mjs [options]
  --sizes=production,10,100,1000,10000   sets to run ("production" is the seed template)
  --rounds=5          measurement rounds per set; results are medians over rounds
  --quick             smoke run: sizes production,10,100,1000, 2 rounds, short budgets
  --seed=1            generator seed (same seed, same documents and requests)
  --requests=4096     requests generated per set
  --peers=cedar,casbin  peers to compare against (--peers= for none)
  --json              machine-readable results on stdout (the table goes to stderr)
  --strict            exit 1 when a target is missed (disagreements always exit 1)
  --ours-ms=1000      engine throughput time per round
  --peer-ms=600       peer throughput time per round (at least one call)
  --agree-ms=2500     first pass of each peer over the requests in order: agreement check and
                      warm-up, at least --agree-min=50 requests (all of them: --agree-ms=1e9)
  --engine=PATH       engine module to load instead of ../dist/index.js`;

const NUMERIC = {
  rounds: "rounds",
  seed: "seed",
  requests: "requests",
  "ours-ms": "oursMs",
  "peer-ms": "peerMs",
  "agree-ms": "agreeMs",
  "agree-min": "agreeMin",
};

function parseArgs(argv) {
  const o = {
    sizes: ["production", "10", "100", "1000", "10000"],
    rounds: 5,
    seed: 1,
    requests: 4096,
    peers: ["cedar", "casbin"],
    json: false,
    strict: false,
    engine: null,
    oursMs: 1000, // throughput budget per round for the engine
    latencySamples: 20000,
    latencyMs: 500, // latency sampling stops at 20,000 calls or this budget
    peerMs: 600, // throughput budget per round per peer
    agreeMs: 2500, // first pass of each peer: agreement check and warm-up
    agreeMin: 50,
  };
  // --quick sets defaults; explicit options override them wherever they appear.
  if (argv.includes("--quick")) Object.assign(o, quick());
  for (const arg of argv) {
    const [k, v = ""] = arg.replace(/^--/, "").split("=");
    if (k === "help" || k === "h") return { help: true };
    if (k === "quick" || k === "") continue; // "" is a bare "--" some runners pass through
    if (k === "sizes") o.sizes = v.split(",").filter(Boolean);
    else if (k === "peers") o.peers = v.split(",").filter(Boolean);
    else if (k in NUMERIC) o[NUMERIC[k]] = Number(v);
    else if (k === "json" || k === "strict") o[k] = true;
    else if (k === "engine") o.engine = v;
    else throw new Error(`unknown option ${arg}\n${HELP}`);
  }
  return o;
}

const quick = () => ({
  sizes: ["production", "10", "100", "1000"],
  rounds: 2,
  oursMs: 300,
  latencySamples: 10000,
  latencyMs: 200,
  peerMs: 250,
  agreeMs: 1000,
  agreeMin: 20,
});

/**
 * Node flags the run needs; run.mjs re-runs itself with them when they are missing:
 * - --expose-gc: heap figures and a clean heap before each round need global.gc.
 * - --no-turbo-inline-js-wasm-calls: with Node 20's V8, TurboFan inlines the JS-to-Wasm call into
 *   the Cedar peer's loop, and a lazy deoptimisation there crashes the process ("Fatal error ...
 *   unreachable code" in Deoptimizer::DoComputeBuiltinContinuation) in about one run in five.
 *   It only touches calls into Wasm, so the engine (plain JS) is compiled exactly as before.
 */
const NODE_FLAGS = ["--expose-gc", "--no-turbo-inline-js-wasm-calls"];

function respawnWithFlags() {
  const self = fileURLToPath(import.meta.url);
  const args = [...NODE_FLAGS, ...process.execArgv, self, ...process.argv.slice(2)];
  const child = spawnSync(process.execPath, args, { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

async function loadEngine(path) {
  const file = path ?? fileURLToPath(new URL("../dist/index.js", import.meta.url));
  if (!existsSync(file)) throw new Error(`engine not built: ${file} is missing (run pnpm build)`);
  const engine = await import(pathToFileURL(file).href);
  for (const name of ["parsePolicy", "compile", "evaluate", "templates"]) {
    if (!(name in engine))
      throw new Error(`engine at ${file} does not export ${name} (not built yet?)`);
  }
  return engine;
}

/** The sets to run: { name, statements, docs: [{ id, doc, text }], requests }. */
function buildSets(opts, engine) {
  return opts.sizes.map((size) => {
    let docs;
    let hosts = 4;
    if (/^\d+$/.test(size)) ({ docs, hosts } = generateSet(Number(size), opts.seed));
    else {
      const t = engine.templates.find((x) => x.id === size);
      if (!t) throw new Error(`no template ${size}`);
      docs = [{ id: t.id, doc: JSON.parse(t.text), text: t.text }];
    }
    for (const d of docs) d.text ??= JSON.stringify(d.doc, null, 2);
    const statements = docs.reduce((n, d) => n + [d.doc.Statement].flat().length, 0);
    const { requests, peerRequests } = generateRequests(docs, hosts, opts.requests, opts.seed);
    return { name: size, statements, docs, requests, peerRequests };
  });
}

function parseAll(engine, docs) {
  return docs.map(({ id, text }) => {
    const r = engine.parsePolicy(text);
    if (!r.ok) {
      const errors = r.findings.filter((f) => f.severity === "error").slice(0, 5);
      throw new Error(`engine refused generated policy ${id}: ${JSON.stringify(errors)}`);
    }
    return { id, policy: r.policy };
  });
}

/**
 * Parse and compile timings (median of rounds) and the heap that parsing and compiling retain
 * (document texts excluded). Small sets are built many times over and the heap divided, so that
 * the figure is above the noise of a heap measurement.
 */
function prepareOurs(engine, set, rounds) {
  const parseMs = [];
  const compileMs = [];
  let compiled;
  for (let r = 0; r < Math.max(rounds, 3); r++) {
    const p = timeMs(() => parseAll(engine, set.docs));
    parseMs.push(p.ms);
    const c = timeMs(() => engine.compile(p.value));
    compileMs.push(c.ms);
    compiled = c.value;
  }
  const copies = Math.max(1, Math.ceil(2000 / set.statements));
  const keep = [];
  const before = heapUsed();
  for (let i = 0; i < copies; i++) keep.push(engine.compile(parseAll(engine, set.docs)));
  const heapBytes = (heapUsed() - before) / copies;
  keep.length = 0; // touched after the measurement, so the copies are live until then
  return { compiled, parseMs: median(parseMs), compileMs: median(compileMs), heapBytes };
}

/** The engine's answer to every request: the reference the peers are checked against. */
function referenceDecisions(engine, compiled, requests) {
  const decisions = requests.map((req) => engine.evaluate(compiled, req));
  const matched = decisions.filter((d) => /Explicit|Approval/.test(d.reason)).length;
  const withErrors = decisions.map((d, i) => [i, d]).filter(([, d]) => d.errors?.length > 0);
  const counts = {};
  for (const d of decisions) counts[d.decision] = (counts[d.decision] ?? 0) + 1;
  return { decisions, matchFraction: matched / requests.length, withErrors, counts };
}

function oursBatch(engine, compiled, requests) {
  const { evaluate } = engine;
  const n = requests.length;
  return (start, count) => {
    let acc = 0;
    let i = start % n;
    for (let k = 0; k < count; k++) {
      acc += evaluate(compiled, requests[i]).matched.length;
      if (++i === n) i = 0;
    }
    return acc;
  };
}

async function createPeers(names, docs, requests) {
  const peers = [];
  for (const name of names) {
    if (name === "cedar") peers.push((await import("./cedar.mjs")).createCedarPeer(docs, requests));
    else if (name === "casbin")
      peers.push(await (await import("./casbin.mjs")).createCasbinPeer(docs, requests));
    else throw new Error(`unknown peer ${name}`);
  }
  return peers;
}

/** A checker that records every answer of a peer that differs from the engine's. */
function checker(peer, set, ref, out) {
  const seen = new Set();
  const fn = (i, answer) => {
    seen.add(i);
    const ours = ref.decisions[i];
    if (answer === ours.decision) return;
    out.push({
      peer: peer.name,
      set: set.name,
      index: i,
      request: set.requests[i],
      canonical: set.peerRequests[i].resource,
      peerDecision: answer,
      ours: {
        decision: ours.decision,
        reason: ours.reason,
        matched: ours.matched,
        errors: ours.errors,
      },
    });
  };
  fn.seen = seen;
  return fn;
}

async function benchSet(engine, set, opts, overheadNs, log) {
  log(
    `\n[${set.name}] ${set.statements} statements in ${set.docs.length} policies, ${set.requests.length} requests`,
  );
  const prep = prepareOurs(engine, set, opts.rounds);
  const ref = referenceDecisions(engine, prep.compiled, set.requests);
  const batch = oursBatch(engine, prep.compiled, set.requests);
  throughput(batch, 200); // warm-up: let the JIT settle before the first timed round
  const peers = await createPeers(opts.peers, set.docs, set.peerRequests);
  const disagreements = [];
  const peerState = peers.map((peer) => {
    const check = checker(peer, set, ref, disagreements);
    // First pass: agreement on a time-bounded prefix of the requests (also the peer's warm-up).
    const first = timedCalls(
      peer.decide,
      set.requests.length,
      { budgetMs: opts.agreeMs, minCalls: opts.agreeMin, maxCalls: set.requests.length },
      check,
    );
    log(
      `  ${peer.name}: ${peer.policyCount} policies/rows, prepared in ${peer.prepareMs.toFixed(0)} ms, first pass ${first.calls} requests`,
    );
    return { peer, check, cursor: first.cursor };
  });
  const rounds = [];
  for (let r = 0; r < opts.rounds; r++)
    rounds.push(runRound(set, opts, overheadNs, batch, peerState));
  return summarise(set, prep, ref, peerState, rounds, disagreements);
}

/** One round: the engine, then each peer, back to back so that machine noise hits all alike. */
function runRound(set, opts, overheadNs, batch, peerState) {
  gc();
  const ours = throughput(batch, opts.oursMs);
  const lat = latency((i) => batch(i, 1), opts.latencySamples, overheadNs, opts.latencyMs);
  const peers = {};
  for (const s of peerState) {
    const t = timedCalls(
      s.peer.decide,
      set.requests.length,
      { cursor: s.cursor, budgetMs: opts.peerMs },
      s.check,
    );
    s.cursor = t.cursor;
    peers[s.peer.name] = t.perSec;
  }
  const fastest = Math.max(0, ...Object.values(peers));
  return {
    perSec: ours.perSec,
    p50: lat.p50,
    p99: lat.p99,
    peers,
    multiple: fastest ? ours.perSec / fastest : null,
  };
}

function summarise(set, prep, ref, peerState, rounds, disagreements) {
  const peers = {};
  for (const s of peerState) {
    peers[s.peer.name] = {
      perSec: median(rounds.map((r) => r.peers[s.peer.name])),
      prepareMs: s.peer.prepareMs,
      checked: s.check.seen.size,
    };
  }
  const multiples = rounds.map((r) => r.multiple).filter((m) => m !== null);
  return {
    name: set.name,
    statements: set.statements,
    policies: set.docs.length,
    requests: set.requests.length,
    parseMs: prep.parseMs,
    compileMs: prep.compileMs,
    heapMB: prep.heapBytes / 2 ** 20,
    perSec: median(rounds.map((r) => r.perSec)),
    p50Us: median(rounds.map((r) => r.p50)),
    p99Us: median(rounds.map((r) => r.p99)),
    peers,
    multiple: multiples.length ? median(multiples) : null,
    matchFraction: ref.matchFraction,
    decisions: ref.counts,
    engineErrors: ref.withErrors
      .slice(0, 5)
      .map(([i, d]) => ({ request: set.requests[i], errors: d.errors })),
    engineErrorCount: ref.withErrors.length,
    rounds,
    disagreements,
  };
}

/** Machine and versions, for the header and the JSON. */
async function describe(opts, engine, overheadNs) {
  const cpus = os.cpus();
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "unknown cpu",
    engine: engine.ENGINE_VERSION ?? "?",
    timerOverheadNs: overheadNs,
  };
  if (opts.peers.includes("cedar")) meta.cedar = (await import("./cedar.mjs")).cedarVersion();
  if (opts.peers.includes("casbin")) meta.casbin = (await import("./casbin.mjs")).casbinVersion();
  return meta;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) return console.log(HELP);
  if (!NODE_FLAGS.every((f) => process.execArgv.includes(f))) return respawnWithFlags();
  const log = opts.json ? (s) => process.stderr.write(`${s}\n`) : (s) => console.log(s);
  const engine = await loadEngine(opts.engine);
  const overheadNs = timerOverheadNs();
  const meta = await describe(opts, engine, overheadNs);
  printHeader(log, opts, meta);
  const results = [];
  for (const set of buildSets(opts, engine)) {
    const result = await benchSet(engine, set, opts, overheadNs, log);
    printSet(log, result);
    results.push(result);
  }
  const targets = checkTargets(results, opts.peers);
  const disagreements = results.flatMap((r) => r.disagreements);
  printSummary(log, results, targets, disagreements);
  if (opts.json) console.log(JSON.stringify({ meta, opts, results, targets }, null, 2));
  const missed = targets.some((t) => !t.pass);
  process.exitCode = disagreements.length > 0 || (opts.strict && missed) ? 1 : 0;
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
