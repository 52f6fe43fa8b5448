/** The action catalog of spec §2, for the UnknownAction warning. */
import { Budget, intersects } from "./glob-relations.js";

export const ACTION_CATALOG: Readonly<Record<string, readonly string[]>> = {
  file: ["Read", "Write", "Delete", "List"],
  db: ["Select", "Insert", "Update", "Delete", "Schema"],
  api: ["Get", "Post", "Put", "Delete"],
  agent: ["Call", "Delegate", "Subscribe"],
  data: ["ReadPII", "ReadFinancial", "ReadHealth", "WriteHealth"],
  tool: [],
};

export const CATALOG_ACTIONS: readonly string[] = Object.entries(ACTION_CATALOG).flatMap(
  ([s, names]) => names.map((n) => `${s}:${n}`),
);

const WILD = /[*?]/;
/** data's open classes: Read* and Write* (ReadPII, WriteFinancial, ...) */
const DATA_CLASS = /^(read|write)[a-z0-9_.-]+$/;

function nameKnown(service: string, name: string): boolean {
  const names = (ACTION_CATALOG[service] ?? []).map((n) => n.toLowerCase());
  if (!WILD.test(name))
    return names.includes(name) || (service === "data" && DATA_CLASS.test(name));
  const budget = new Budget(100_000);
  if (
    service === "data" &&
    (intersects(name, "read*", budget) || intersects(name, "write*", budget))
  )
    return true;
  return names.some((n) => intersects(name, n, budget) !== false);
}

/** Whether a lower-cased action pattern can match a catalog action (tools are open-ended). */
export function isKnownAction(lower: string): boolean {
  const parts = lower.split(":");
  const service = parts[0] ?? "";
  if (WILD.test(service)) return true;
  if (!(service in ACTION_CATALOG)) return false;
  const rest = parts.slice(1);
  // tool:<tool>:<verb>[:…] is open-ended: `tool:mcp:github:create_issue` is as known as `tool:git:commit`.
  if (service === "tool") return rest.length >= 2 || rest.some((p) => p.includes("*"));
  return rest.length === 1 && nameKnown(service, rest[0] ?? "");
}
