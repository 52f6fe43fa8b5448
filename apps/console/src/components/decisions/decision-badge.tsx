/** A decision's outcome as a coloured word (the chart's colours: chart-colors.ts). */
const LOOK = {
  Allow: "bg-emerald-100 text-emerald-800",
  Deny: "bg-red-100 text-red-800",
  RequireApproval: "bg-amber-100 text-amber-800",
} as const;

export function DecisionBadge({ decision }: { decision: keyof typeof LOOK }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${LOOK[decision]}`}>
      {decision}
    </span>
  );
}
