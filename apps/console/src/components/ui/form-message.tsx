import type { ActionResult } from "@/server/api";

/**
 * What a form's server action answered: an error with the pointers core gave (role="alert"), or
 * a confirmation (role="status"). Every console form shows its result through this one piece.
 */
export function FormMessage({ state }: { state: ActionResult | null }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <div role="alert" className="mt-2 text-sm text-red-700">
        {state.message}
        {state.details?.map((d) => (
          <div key={`${d.pointer}-${d.message}`}>
            {d.pointer ? <code className="mr-1">{d.pointer}</code> : null}
            {d.message}
          </div>
        ))}
      </div>
    );
  }
  return state.message ? (
    <p role="status" className="mt-2 text-sm text-emerald-700">
      {state.message}
    </p>
  ) : null;
}

export type FormAction<T extends ActionResult = ActionResult> = (
  previous: T | null,
  form: FormData,
) => Promise<T>;
