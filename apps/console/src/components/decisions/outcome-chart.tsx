/**
 * Decisions over time by outcome: a stacked bar chart drawn on the server as SVG (no chart
 * library, no script), with axes, a legend and the same numbers as a table for screen readers
 * and copying. Colours are SVG presentation attributes, not style attributes, which the
 * console's CSP (style-src without 'unsafe-inline') would block.
 */

export interface ChartBucket {
  start: string;
  Allow: number;
  Deny: number;
  RequireApproval: number;
}

const SERIES = [
  { key: "Allow", label: "Allow", fill: "#10b981", swatch: "bg-emerald-500" },
  { key: "RequireApproval", label: "RequireApproval", fill: "#f59e0b", swatch: "bg-amber-500" },
  { key: "Deny", label: "Deny", fill: "#ef4444", swatch: "bg-red-500" },
] as const;

const W = 760;
const H = 240;
const M = { top: 12, right: 12, bottom: 28, left: 44 };

/** A round axis maximum and its ticks: 1, 2 or 5 times a power of ten per step. */
function ticksFor(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? rough;
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

function labelOf(start: string, unit: "hour" | "day"): string {
  const date = new Date(start);
  return unit === "hour"
    ? `${String(date.getUTCHours()).padStart(2, "0")}:00`
    : date.toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function OutcomeChart({
  buckets,
  unit,
  title,
}: {
  buckets: ChartBucket[];
  unit: "hour" | "day";
  title: string;
}) {
  const totals = buckets.map((b) => b.Allow + b.Deny + b.RequireApproval);
  const ticks = ticksFor(Math.max(0, ...totals));
  const top = ticks.at(-1) ?? 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, buckets.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (value: number) => M.top + plotH - (value / top) * plotH;
  // At most 12 labels under the axis, so hours do not collide.
  const every = Math.ceil(buckets.length / 12);
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="outcome-chart-title"
        className="h-auto w-full"
        data-testid="outcome-chart"
      >
        <title id="outcome-chart-title">{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#64748b">
              {t}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = M.left + i * slot + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={b.start} data-testid="chart-bar">
              {SERIES.map((s) => {
                const value = b[s.key];
                if (value === 0) return null;
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    y={y(base + value)}
                    width={barW}
                    height={y(base) - y(base + value)}
                    fill={s.fill}
                  >
                    <title>{`${labelOf(b.start, unit)}: ${value} ${s.label}`}</title>
                  </rect>
                );
                base += value;
                return rect;
              })}
              {i % every === 0 ? (
                <text
                  x={x + barW / 2}
                  y={H - M.bottom + 16}
                  textAnchor="middle"
                  fontSize="11"
                  fill="#64748b"
                >
                  {labelOf(b.start, unit)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" strokeWidth="1" />
      </svg>
      <figcaption className="flex flex-wrap items-center gap-4 text-xs text-slate-600">
        <ul aria-label="Legend" className="flex gap-4">
          {SERIES.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${s.swatch}`} />
              {s.label}
            </li>
          ))}
        </ul>
        <span>Times in UTC; one bar per {unit}.</span>
      </figcaption>
      <details>
        <summary className="cursor-pointer text-xs font-medium text-slate-600">
          The numbers as a table
        </summary>
        <table aria-label="Decisions by outcome" className="mt-2 w-full text-xs">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="py-1 pr-4">{unit === "hour" ? "Hour (UTC)" : "Day (UTC)"}</th>
              {SERIES.map((s) => (
                <th key={s.key} className="py-1 pr-4 text-right">
                  {s.label}
                </th>
              ))}
              <th className="py-1 text-right">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {buckets.map((b, i) => (
              <tr key={b.start}>
                <td className="py-1 pr-4">{new Date(b.start).toISOString().slice(0, 16)}</td>
                {SERIES.map((s) => (
                  <td key={s.key} className="py-1 pr-4 text-right tabular-nums">
                    {b[s.key]}
                  </td>
                ))}
                <td className="py-1 text-right tabular-nums">{totals[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
