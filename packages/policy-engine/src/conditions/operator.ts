/** The shape every condition operator shares; each family lives in its own file. */

export type Family = "string" | "numeric" | "date" | "bool" | "ip";

export type PolicyValueResult<P> = { ok: true; value: P } | { ok: false; message: string };

export interface OperatorDef<R = unknown, P = unknown> {
  name: string;
  family: Family;
  /** `…Not…` operators: hold when the value matches none of the policy's values */
  negated: boolean;
  /** Reads a policy value at write time (and substituted templates at evaluation). */
  policyValue(raw: string | number | boolean): PolicyValueResult<P>;
  /** Reads a request value leniently; undefined when it cannot be read as the type. */
  read(value: unknown): R | undefined;
  /** The positive comparison of one request value with one policy value. */
  test(request: R, policy: P): boolean;
  /** StringLike only: policy values are patterns, so substituted text must stay literal. */
  wildcards?: boolean;
}

export function defineFamily<R, P>(
  family: Family,
  base: Omit<OperatorDef<R, P>, "name" | "negated" | "family">,
  names: Array<[name: string, negated: boolean]>,
): OperatorDef[] {
  // One literal, one hidden class for every operator: the evaluator's reads stay monomorphic.
  return names.map(
    ([name, negated]) =>
      ({
        name,
        family,
        negated,
        policyValue: base.policyValue,
        read: base.read,
        test: base.test,
        wildcards: base.wildcards === true,
      }) as OperatorDef,
  );
}
