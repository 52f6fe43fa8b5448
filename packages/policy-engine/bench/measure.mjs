/**
 * Timing helpers. Everything runs on the main thread, one call at a time.
 */

const now = () => performance.now();

export const median = (xs) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** Collect garbage when the process runs with --expose-gc (run.mjs makes sure it does). */
export const gc = () => globalThis.gc?.();

export function heapUsed() {
  gc();
  gc(); // a second pass frees what the first one's finalizers released
  return process.memoryUsage().heapUsed;
}

export function timeMs(fn) {
  const t0 = now();
  const value = fn();
  return { ms: now() - t0, value };
}

/**
 * Calls per second of `batch(start, count)` (which makes `count` calls starting at request `start`)
 * over about `budgetMs`. The clock is read once per batch, so its cost does not dilute fast calls.
 */
export function throughput(batch, budgetMs, batchSize = 2048) {
  let calls = 0;
  let sink = 0;
  const t0 = now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    sink += batch(calls, batchSize);
    calls += batchSize;
    elapsed = now() - t0;
  }
  return { perSec: (calls / elapsed) * 1000, calls, ms: elapsed, sink };
}

/** Median cost of an empty hrtime.bigint() pair, in ns: what every latency sample carries. */
export function timerOverheadNs(samples = 20000) {
  const xs = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    xs[i] = Number(process.hrtime.bigint() - t0);
  }
  return median(xs);
}

/**
 * Per-call latency of `call(i)`, in µs, with the timer's own overhead (`overheadNs`) subtracted
 * (floored at 0): up to `samples` calls or about `budgetMs`, whichever comes first (a slow engine
 * must not stretch the run). Returns p50, p99, max and the number of samples.
 */
export function latency(call, samples, overheadNs, budgetMs = 500) {
  const xs = new Float64Array(samples);
  const budgetNs = budgetMs * 1e6;
  let sink = 0;
  let spentNs = 0;
  let n = 0;
  while (n < samples && (n & 255 || spentNs < budgetNs)) {
    const t0 = process.hrtime.bigint();
    sink += call(n);
    const ns = Number(process.hrtime.bigint() - t0);
    spentNs += ns;
    xs[n++] = Math.max(0, ns - overheadNs) / 1000;
  }
  const sorted = xs.subarray(0, n).sort();
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[n - 1],
    samples: n,
    sink,
  };
}

/**
 * Run a slow call (a peer's) round-robin from `cursor` until `budgetMs` passes, at least
 * `minCalls` times and at most `maxCalls`. `onResult(index, result)` sees every answer so that every
 * decision a peer makes is checked (a lookup and a compare: noise next to a peer's call).
 */
export function timedCalls(
  decide,
  n,
  { cursor = 0, budgetMs, minCalls = 1, maxCalls = Infinity },
  onResult,
) {
  let calls = 0;
  const t0 = now();
  while (calls < maxCalls && (calls < minCalls || now() - t0 < budgetMs)) {
    const i = (cursor + calls) % n;
    onResult(i, decide(i));
    calls++;
  }
  const ms = now() - t0;
  return { perSec: (calls / ms) * 1000, calls, ms, cursor: (cursor + calls) % n };
}
