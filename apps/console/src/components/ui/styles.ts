/**
 * The console's shared looks: the card a form or panel sits in, and form buttons, one look per
 * role, so that components stop spelling out (and drifting in) the same classes. Margins and
 * extras stay with the caller.
 */
export const card = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

/** A dashed panel in place of a list: nothing to show yet, or a refusal (then role="alert"). */
export const notice =
  "rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600";

const SIZE = {
  md: "px-4 py-2 text-sm",
  sm: "px-2.5 py-1 text-xs",
} as const;

const LOOK = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 hover:bg-slate-50",
  danger: "border border-red-300 text-red-700 hover:bg-red-50",
  destroy: "bg-red-600 text-white hover:bg-red-700",
  approve: "bg-emerald-600 text-white hover:bg-emerald-700",
  revoke: "border border-slate-300 hover:bg-red-50 hover:text-red-700",
} as const;

export function buttonClass(
  look: keyof typeof LOOK,
  size: keyof typeof SIZE = "md",
  extra = "",
): string {
  const base = `rounded-md ${SIZE[size]} font-medium ${LOOK[look]} disabled:opacity-50`;
  return extra ? `${extra} ${base}` : base;
}
