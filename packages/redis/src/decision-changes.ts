/**
 * The channel that tells every decision server an organization's decision inputs changed (a
 * policy version, an assignment, a key, a freeze), so each reloads within a second instead of
 * at its next stamp check. Pub/sub may drop a message, and a subscriber that was disconnected
 * missed some for sure: the subscriber then asks for a resync (every stamp re-read at once).
 */
import type { Redis } from "ioredis";
import { connectRedis } from "./connect.js";

export const DECISION_CHANGES_CHANNEL = "sekuire:decision-changes";
/** An approval request was decided (its id): long-polls waiting on it answer at once. */
export const APPROVALS_CHANNEL = "sekuire:approvals-decided";

export interface Announcer {
  announce(organizationId: string): void;
  approvalDecided(approvalId: string): void;
}

/**
 * A connection for announcing: it queues while (re)connecting, so an announcement made as a
 * process starts is sent once Redis answers instead of being dropped.
 */
export function connectAnnouncer(url: string, name: string): Redis {
  return connectRedis(url, { name, offlineQueue: true });
}

/** core's DecisionChangeAnnouncer over Redis: fire and forget, never throws. */
export function redisAnnouncer(redis: Redis): Announcer {
  const publish = (channel: string, message: string) => {
    redis.publish(channel, message).catch(() => undefined);
  };
  return {
    announce: (organizationId) => publish(DECISION_CHANGES_CHANNEL, organizationId),
    approvalDecided: (approvalId) => publish(APPROVALS_CHANNEL, approvalId),
  };
}

export interface DecisionChangeHandlers {
  /** an organization changed */
  onChange(organizationId: string): void;
  /** messages may have been missed (a reconnect): re-check everything */
  onResync(): void;
  /** an approval request was decided */
  onApprovalDecided?(approvalId: string): void;
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
    else if (channel === APPROVALS_CHANNEL) handlers.onApprovalDecided?.(message);
  });
  const ready = redis.subscribe(DECISION_CHANGES_CHANNEL, APPROVALS_CHANNEL).then(() => undefined);
  ready.catch(() => undefined);
  return {
    ready,
    async close() {
      redis.disconnect();
    },
  };
}
