/**
 * How current this process's caches are, per organization. Every change a decision depends on
 * raises the organization's decision stamp in Postgres (by trigger); each process re-reads the
 * stamp at most every `checkMs` (and at once when pub/sub says it moved), and a cached key or
 * config older than the stamp is reloaded. When the stamp cannot be read the caches cannot be
 * trusted, so the caller gets `Unavailable` (fail closed), never stale data.
 */
import { readDecisionStamp } from "@sekuire/core/decisions";
import type { Db } from "@sekuire/core/runtime";
import { withDeadline } from "./deadline.js";

interface Known {
  stamp: number;
  checkedAt: number;
  checking?: Promise<number>;
}

export interface StampOptions {
  checkMs: number;
  timeoutMs: number;
  now?: () => number;
}

export class OrganizationStamps {
  private readonly known = new Map<string, Known>();
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: StampOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The stamp as of at most `checkMs` ago; `seen` is one just read with other data. */
  async current(organizationId: string, seen?: number): Promise<number> {
    let known = this.known.get(organizationId);
    if (!known && seen !== undefined) {
      known = { stamp: seen, checkedAt: this.now() };
      this.known.set(organizationId, known);
    }
    if (known && this.now() - known.checkedAt < this.options.checkMs) return known.stamp;
    return this.check(organizationId);
  }

  /** A stamp read with other data (a config): never lowers what is known. */
  observe(organizationId: string, stamp: number): void {
    const known = this.known.get(organizationId);
    if (known && stamp > known.stamp) known.stamp = stamp;
  }

  /** Pub/sub said the organization changed: the next request re-reads its stamp. */
  nudge(organizationId: string): void {
    const known = this.known.get(organizationId);
    if (known) known.checkedAt = Number.NEGATIVE_INFINITY;
  }

  /** Every organization re-read on its next request (after a lost pub/sub connection). */
  nudgeAll(): void {
    for (const known of this.known.values()) known.checkedAt = Number.NEGATIVE_INFINITY;
  }

  private check(organizationId: string): Promise<number> {
    const known = this.known.get(organizationId);
    if (known?.checking) return known.checking;
    const checking = withDeadline(
      "Postgres (the decision stamp)",
      this.options.timeoutMs,
      readDecisionStamp(this.db, organizationId),
    )
      .then((stamp) => {
        // A deleted organization reads as stamp -1: nothing cached for it is current.
        const value = stamp ?? -1;
        this.known.set(organizationId, { stamp: value, checkedAt: this.now() });
        return value;
      })
      .finally(() => {
        const entry = this.known.get(organizationId);
        if (entry?.checking === checking) delete entry.checking;
      });
    if (known) known.checking = checking;
    else
      this.known.set(organizationId, { stamp: -1, checkedAt: Number.NEGATIVE_INFINITY, checking });
    return checking;
  }
}
