import type { LimitUsage } from "@sekuire/redis";
import { card } from "@/components/ui/styles";

interface Limits {
  MaxApiCallsPerHour?: number | undefined;
  /** micro-USD */
  MaxCostPerHour?: number | undefined;
  MaxConcurrentRequests?: number | undefined;
}

const usd = (micros: number) => `$${(micros / 1_000_000).toFixed(2)}`;

function Gauge({
  label,
  used,
  limit,
  show,
  note,
}: {
  label: string;
  used: number;
  limit: number | undefined;
  show: (n: number) => string;
  note: string;
}) {
  return (
    <div className="space-y-1" data-testid={`gauge-${label}`}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums">
          {limit === undefined ? (
            <span className="text-slate-500">no limit set</span>
          ) : (
            `${show(used)} of ${show(limit)}`
          )}
        </span>
      </div>
      {limit !== undefined ? (
        <meter
          className="h-2 w-full"
          min={0}
          max={Math.max(limit, 1)}
          low={limit * 0.7}
          high={limit * 0.9}
          optimum={0}
          value={Math.min(used, limit)}
          aria-label={`${label}: ${show(used)} of ${show(limit)}`}
        />
      ) : null}
      <p className="text-xs text-slate-500">{note}</p>
    </div>
  );
}

/**
 * Spend, calls and concurrency against the workspace's effective limits, live from the decision
 * API's counters in Redis (rolling 60 minutes). The decision API counts only what a set limit
 * needs, so with no limit there is nothing to show; without Redis the page says so.
 */
export function LiveLimits({ usage, limits }: { usage: LimitUsage | null; limits: Limits }) {
  return (
    <section aria-labelledby="limits-title" className={`${card} space-y-4`}>
      <h2 id="limits-title" className="text-lg font-semibold">
        Limits, live
      </h2>
      {usage === null ? (
        <p role="status" className="text-sm text-amber-800">
          Live counters are unavailable: the console has no Redis configured (REDIS_URL) or cannot
          reach it now. Limits still apply in the decision API.
        </p>
      ) : (
        <div className="grid gap-5 md:grid-cols-3">
          <Gauge
            label="API calls"
            used={usage.calls}
            limit={limits.MaxApiCallsPerHour}
            show={String}
            note="Decisions in the last 60 minutes (MaxApiCallsPerHour); counted while the limit is set."
          />
          <Gauge
            label="Spend"
            used={usage.costMicros}
            limit={limits.MaxCostPerHour}
            show={usd}
            note="Reserved and reported cost in the last 60 minutes (MaxCostPerHour)."
          />
          <Gauge
            label="Concurrency"
            used={usage.leases}
            limit={limits.MaxConcurrentRequests}
            show={String}
            note="Allowed actions holding a slot until completed or their lease ends (MaxConcurrentRequests)."
          />
        </div>
      )}
    </section>
  );
}
