/**
 * The one way a Sekuire process reads its environment: each app and server package declares a
 * zod schema in its own `env.ts`, parsed once at start, so a bad value stops the process with a
 * message naming the variable instead of surfacing as a wrong default much later. Everywhere
 * else Biome's `noProcessEnv` refuses `process.env`.
 */
import type { z } from "zod";

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Thrown for a bad environment; `variables` names every variable at fault. */
export class EnvError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = "EnvError";
  }
}

/**
 * The schema's reading of `source` (default: this process's environment). Empty strings count
 * as unset, as shells and .env files write them.
 */
export function parseEnv<S extends z.ZodType>(
  who: string,
  schema: S,
  source: EnvSource = process.env,
): z.output<S> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(source))
    if (value !== undefined && value.trim() !== "") present[name] = value;
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    name: issue.path.map(String).join(".") || "(environment)",
    message: issue.message,
  }));
  const lines = problems.map((p) => `  ${p.name}: ${p.message}`).join("\n");
  throw new EnvError(
    problems.map((p) => p.name),
    `${who}: the environment is not valid:\n${lines}`,
  );
}

/** `"true"`/`"1"` and `"false"`/`"0"`, any case; for boolean switches. */
export function envFlag(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  return undefined;
}
