/**
 * A fixed number of decisions on one benchmark set, for instruction counts, which unlike the
 * clock do not move with the machine's load. Per decision, the difference of two counts:
 *
 *   count() { valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
 *     node --single-threaded --predictable bench/instructions.mjs "$@" 2>&1 | awk '/I *refs/ {gsub(",", "", $NF); print $NF}'; }
 *   echo $(( ($(count 100 300000) - $(count 100 100000)) / 200000 ))
 *
 * usage: node bench/instructions.mjs <statements | production> <decisions> [engine module]
 */
import { fileURLToPath } from "node:url";
import { generateRequests, generateSet } from "./generate.mjs";

const [size = "100", decisions = "100000", enginePath] = process.argv.slice(2);
const engine = await import(
  enginePath ?? fileURLToPath(new URL("../dist/index.js", import.meta.url))
);
let docs;
let hosts = 2;
if (size === "production") {
  const parsed = engine.parsePolicy(engine.getTemplate("production").text);
  docs = [{ id: "production", doc: parsed.policy.document }];
} else ({ docs, hosts } = generateSet(Number(size), 1));
const set = engine.compile(
  docs.map(({ id, doc }) => ({ id, policy: engine.parsePolicy(doc).policy })),
);
const { requests } = generateRequests(docs, hosts, 4096, 1);
// The same warm-up in every run, so that two runs differ by steady-state decisions only.
for (let k = 0; k < 3; k++) for (const r of requests) engine.evaluate(set, r);
let matched = 0;
const n = Number(decisions); // not in the loop: Number() per iteration would be counted too
for (let k = 0, i = 0; k < n; k++) {
  matched += engine.evaluate(set, requests[i]).matched.length;
  if (++i === requests.length) i = 0;
}
console.log(JSON.stringify({ size, decisions: n, matched }));
