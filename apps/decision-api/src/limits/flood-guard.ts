/**
 * The protective per-key flood guard (429 with Retry-After), apart from the policy's limits:
 * about `perSecond` requests a second per API key across every process. Each process counts
 * locally and adds its counts to a per-second Redis counter every `syncMs`, reading the total
 * back, so a flooding key is refused on every process within a sync — at the cost of one
 * pipelined Redis call per sync, never one per request. Without Redis each process guards
 * itself alone (the guard protects the service; it is not a policy decision).
 */
import type { Redis } from "@sekuire/redis";

interface Window {
  second: number;
  /** counted here and not yet added to Redis */
  unsynced: number;
  /** the total across processes as last read (plus what this process counted since) */
  known: number;
}

const counterOf = (keyId: string, second: number) => `sekuire:flood:{${keyId}}:${second}`;

export type FloodVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class FloodGuard {
  private readonly windows = new Map<string, Window>();
  private readonly timer: NodeJS.Timeout | undefined;
  private syncing = false;

  constructor(
    private readonly redis: Redis,
    private readonly perSecond: number,
    syncMs = 50,
  ) {
    if (perSecond > 0) {
      this.timer = setInterval(() => void this.sync(), syncMs);
      this.timer.unref();
    }
  }

  async admit(keyId: string, nowMs = Date.now()): Promise<FloodVerdict> {
    if (this.perSecond <= 0) return { ok: true };
    const second = Math.floor(nowMs / 1000);
    let window = this.windows.get(keyId);
    if (!window || window.second !== second) {
      // A key new to this process this second: learn what the others counted (one read per key
      // per second; without Redis, start from nothing).
      window = { second, unsynced: 0, known: 0 };
      this.windows.set(keyId, window);
      const total = await this.redis.get(counterOf(keyId, second)).catch(() => null);
      window.known = Math.max(window.known, Number(total ?? 0));
    }
    if (window.known + window.unsynced >= this.perSecond)
      return { ok: false, retryAfterSeconds: 1 };
    window.unsynced += 1;
    return { ok: true };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sync(): Promise<void> {
    if (this.syncing) return;
    const current = Math.floor(Date.now() / 1000);
    const batch: Array<[Window, number]> = [];
    const pipeline = this.redis.pipeline();
    for (const [keyId, window] of this.windows) {
      if (window.second < current - 1) {
        this.windows.delete(keyId);
        continue;
      }
      if (window.unsynced === 0) continue;
      const counter = counterOf(keyId, window.second);
      pipeline.incrby(counter, window.unsynced).pexpire(counter, 3000);
      batch.push([window, window.unsynced]);
    }
    if (batch.length === 0) return;
    this.syncing = true;
    try {
      const results = await pipeline.exec();
      for (const [i, [window, sent]] of batch.entries()) {
        window.unsynced -= sent;
        const total = results?.[i * 2]?.[1];
        window.known = typeof total === "number" ? total : window.known + sent;
      }
    } catch {
      // Redis is away: what this process counted still counts here.
      for (const [window, sent] of batch) {
        window.unsynced -= sent;
        window.known += sent;
      }
    } finally {
      this.syncing = false;
    }
  }
}
