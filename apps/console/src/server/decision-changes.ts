/**
 * Every change the console makes that decisions depend on (a published version, an assignment,
 * a revoked key, a freeze) is announced on Redis once committed, so each decision API process
 * reloads within a second; without Redis they still catch up at their stamp check (≤ 5 s).
 */
import { setDecisionChangeAnnouncer } from "@sekuire/core/decisions";
import { connectAnnouncer, redisAnnouncer } from "@sekuire/redis";

export function announceDecisionChanges(url: string): void {
  setDecisionChangeAnnouncer(redisAnnouncer(connectAnnouncer(url, "sekuire-console")));
}
