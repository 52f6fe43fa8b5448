/**
 * Differential test: the same rules expressed in Cedar (cedar-wasm) and casbin must decide every
 * request exactly as the engine does, on the seed templates and on generated sets. The translations
 * live in bench/ (the benchmark measures the same peers); here only the decisions count.
 */
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { compile, evaluate, parsePolicy, templates } from "../src/index.js";

// V8 on Node 20 can crash inlining calls into Cedar's WebAssembly (see bench/README.md).
setFlagsFromString("--no-turbo-inline-js-wasm-calls");

const { generateRequests, generateSet } = await import("../bench/generate.mjs");
const { createCedarPeer } = await import("../bench/cedar.mjs");
const { createCasbinPeer } = await import("../bench/casbin.mjs");

type Doc = { id: string; doc: unknown };

function sets(): Array<{ name: string; docs: Doc[]; hosts: number; count: number }> {
  const fromTemplates = templates.map((t) => ({
    name: t.id,
    docs: [{ id: t.id, doc: JSON.parse(t.text) }],
    hosts: 4,
    count: 2048,
  }));
  const generated = [10, 100].flatMap((n) =>
    [1, 2].map((seed) => ({
      name: `${n} statements, seed ${seed}`,
      ...generateSet(n, seed),
      count: n === 100 ? 1024 : 2048,
    })),
  );
  return [...fromTemplates, ...generated];
}

describe("engine against cedar-wasm and casbin", () => {
  for (const s of sets()) {
    it(`decides as both peers on ${s.name}`, async () => {
      const { requests, peerRequests } = generateRequests(s.docs, s.hosts, s.count, 7);
      const set = compile(
        s.docs.map(({ id, doc }) => {
          const parsed = parsePolicy(doc);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
          return { id, policy: parsed.policy };
        }),
      );
      const ours = requests.map((r) => evaluate(set, r).decision);
      const peers = [
        createCedarPeer(s.docs, peerRequests),
        await createCasbinPeer(s.docs, peerRequests),
      ];
      for (const peer of peers) {
        const differ = ours.flatMap((d, i) => {
          const theirs = peer.decide(i);
          return theirs === d
            ? []
            : [`${peer.name}: ${JSON.stringify(requests[i])} engine ${d}, peer ${theirs}`];
        });
        expect(differ.slice(0, 5)).toEqual([]);
      }
      // Both outcomes must occur, or agreeing would prove little.
      expect(new Set(ours).size).toBeGreaterThan(1);
    }, 60_000);
  }
});
