/**
 * The decision API's parts, wired once per process: the caches under the organizations' stamps,
 * the decision log, the logger and the settings the routes read. Routes get this, never globals,
 * so tests and the CLI's local server can build one of their own.
 */
import type { DecisionLogSink } from "@sekuire/core/decisions";
import type { Db } from "@sekuire/core/runtime";
import type { JobProducer } from "@sekuire/jobs";
import type { Trust } from "@sekuire/net";
import type { Redis } from "@sekuire/redis";
import type { Logger } from "pino";
import { ApprovalWaiters } from "./approvals/waiters.js";
import { LimitCounters } from "./limits/counters.js";
import { FloodGuard } from "./limits/flood-guard.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { ConfigCache } from "./state/config-cache.js";
import { KeyCache } from "./state/key-cache.js";
import { OrganizationStamps } from "./state/stamps.js";

export interface AppSettings {
  maxBodyBytes: number;
  storeTimeoutMs: number;
  stampCheckMs: number;
  /** the flood guard's requests a second per API key (0 = off) */
  keyRatePerSecond: number;
  /** when set, GET /metrics needs it as a bearer token */
  metricsToken?: string;
  trust: Trust;
}

export interface DecisionApp {
  db: Db;
  /** counters, leases, idempotency: fails fast while down (a 503 Deny where it is needed) */
  redis: Redis;
  log: DecisionLogSink;
  logger: Logger;
  stamps: OrganizationStamps;
  keys: KeyCache;
  configs: ConfigCache;
  limits: LimitCounters;
  flood: FloodGuard;
  metrics: Metrics;
  /** long-polls waiting on approval verdicts, woken over Redis */
  approvals: ApprovalWaiters;
  /** the worker's jobs for new approval requests (absent: the worker's sweeper finds them) */
  jobs?: Pick<JobProducer, "approvalOpened">;
  settings: AppSettings;
  now: () => Date;
}

export function createApp(parts: {
  db: Db;
  redis: Redis;
  log: DecisionLogSink;
  logger: Logger;
  settings: AppSettings;
  jobs?: Pick<JobProducer, "approvalOpened">;
  now?: () => Date;
  metrics?: Metrics;
}): DecisionApp {
  const { db, settings } = parts;
  const metrics = parts.metrics ?? createMetrics();
  const counted = (cache: "key" | "config") => (hit: boolean) =>
    metrics.cache.inc({ cache, result: hit ? "hit" : "miss" });
  const stamps = new OrganizationStamps(db, {
    checkMs: settings.stampCheckMs,
    timeoutMs: settings.storeTimeoutMs,
  });
  return {
    ...parts,
    stamps,
    keys: new KeyCache(db, stamps, {
      timeoutMs: settings.storeTimeoutMs,
      onLookup: counted("key"),
    }),
    configs: new ConfigCache(db, stamps, {
      timeoutMs: settings.storeTimeoutMs,
      onLookup: counted("config"),
    }),
    metrics,
    limits: new LimitCounters(parts.redis),
    flood: new FloodGuard(parts.redis, settings.keyRatePerSecond),
    approvals: new ApprovalWaiters(),
    now: parts.now ?? (() => new Date()),
  };
}
