/**
 * The shared setup of the integration files: the file's own database, two decision-api
 * processes over it, and this process's core changes announced on Redis as the console's are.
 */
import { setDecisionChangeAnnouncer } from "@sekuire/core/decisions";
import { liveWorkspace, useTestDatabase } from "@sekuire/core/testing";
import { connectAnnouncer, redisAnnouncer } from "@sekuire/redis";
import { afterAll, beforeAll } from "vitest";
import { document } from "./policies.js";
import { type DecisionApiProcess, startDecisionApi } from "./processes.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export function useTwoDecisionApis(env: Record<string, string> = {}) {
  const t = useTestDatabase();
  const publisher = connectAnnouncer(REDIS_URL, "test");
  const announcer = redisAnnouncer(publisher);
  setDecisionChangeAnnouncer(announcer);
  afterAll(() => {
    setDecisionChangeAnnouncer(null);
    publisher.disconnect();
  });
  const servers: { a?: DecisionApiProcess; b?: DecisionApiProcess } = {};
  beforeAll(async () => {
    [servers.a, servers.b] = await Promise.all([
      startDecisionApi({ DATABASE_URL: t.url, ...env }),
      startDecisionApi({ DATABASE_URL: t.url, ...env }),
    ]);
  });
  const ready = (p: DecisionApiProcess | undefined) => {
    if (!p) throw new Error("the decision APIs are not started");
    return p;
  };
  return {
    t,
    announcer,
    get a() {
      return ready(servers.a);
    },
    get b() {
      return ready(servers.b);
    },
    /** A workspace with `doc` live and an agent whose key is `secret`. */
    workspace: (doc = document()) => liveWorkspace(t.db, doc),
  };
}
