/**
 * Long-polls waiting for an approval request's verdict, in this process. A verdict given on any
 * process (the console, another API) reaches here over Redis pub/sub and wakes its waiters, who
 * re-read Postgres; each waiter also re-reads on its own every few seconds, so a lost message
 * costs seconds, not the answer.
 */
export class ApprovalWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();
  /** set at shutdown: every waiter answers with what it has */
  closed = false;

  close(): void {
    this.closed = true;
    for (const id of [...this.waiting.keys()]) this.notify(id);
  }

  notify(approvalId: string): void {
    const wake = this.waiting.get(approvalId);
    if (!wake) return;
    this.waiting.delete(approvalId);
    for (const resolve of wake) resolve();
  }

  /** Resolves when notified, after `ms`, or when `abort` fires, whichever is first. */
  wait(approvalId: string, ms: number, abort?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      let set = this.waiting.get(approvalId);
      if (!set) {
        set = new Set();
        this.waiting.set(approvalId, set);
      }
      const done = () => {
        clearTimeout(timer);
        abort?.removeEventListener("abort", done);
        const current = this.waiting.get(approvalId);
        current?.delete(done);
        if (current?.size === 0) this.waiting.delete(approvalId);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      abort?.addEventListener("abort", done, { once: true });
      set.add(done);
    });
  }

  get size(): number {
    let n = 0;
    for (const set of this.waiting.values()) n += set.size;
    return n;
  }
}
