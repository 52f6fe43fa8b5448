/**
 * The channel that tells every decision server an organization's decision inputs changed (a
 * policy version, an assignment, a key, a freeze), so each reloads within a second instead of
 * at its next stamp check. Pub/sub may drop a message, and a subscriber that was disconnected
 * missed some for sure: the subscriber then asks for a resync (every stamp re-read at once).
 */
import type { Redis } from "ioredis";
import { connectRedis } from "./connect.js";

export const DECISION_CHANGES_CHANNEL = "sekuire:decision-changes";

/** core's DecisionChangeAnnouncer over Redis: fire and forget, never throws. */
export function redisAnnouncer(redis: Redis): { announce(organizationId: string): void } {
  return {
    announce(organizationId) {
      redis.publish(DECISION_CHANGES_CHANNEL, organizationId).catch(() => undefined);
    },
  };
}

export interface DecisionChangeHandlers {
  /** an organization changed */
  onChange(organizationId: string): void;
  /** messages may have been missed (a reconnect): re-check everything */
  onResync(): void;
}

export interface DecisionChangeSubscription {
  /** resolves once subscribed (or rejects when Redis does not answer at start) */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function subscribeDecisionChanges(
  url: string,
  handlers: DecisionChangeHandlers,
  name = "sekuire-decision-changes",
): DecisionChangeSubscription {
  // A subscriber connection may queue its SUBSCRIBE until connected, and re-subscribes itself.
  const redis = connectRedis(url, { name, offlineQueue: true });
  let connectedBefore = false;
  redis.on("ready", () => {
    if (connectedBefore) handlers.onResync();
    connectedBefore = true;
  });
  redis.on("message", (channel: string, message: string) => {
    if (channel === DECISION_CHANGES_CHANNEL) handlers.onChange(message);
  });
  const ready = redis.subscribe(DECISION_CHANGES_CHANNEL).then(() => undefined);
  ready.catch(() => undefined);
  return {
    ready,
    async close() {
      redis.disconnect();
    },
  };
}
