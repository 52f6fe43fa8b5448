/**
 * `.sekuire/demo.json`: the demo's credentials, the only place their secrets exist in clear
 * (the database keeps hashes). Written atomically with mode 0600; anything unreadable or
 * malformed counts as missing, so the seed rotates the credentials and writes a good file.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";

export const DEMO_WORKSPACE_SLUGS = ["development", "production", "healthcare"] as const;
export type DemoWorkspaceSlug = (typeof DEMO_WORKSPACE_SLUGS)[number];

const keySchema = z.string().min(1);

export const demoStateSchema = z.object({
  consoleUrl: z.string(),
  decisionApiUrl: z.string(),
  /** the worker's health endpoint's origin; absent in files written before the worker came */
  workerUrl: z.string().optional(),
  email: z.string(),
  password: z.string().min(1),
  workspace: z.literal("production"),
  apiKey: keySchema,
  apiKeys: z.object({
    development: keySchema,
    production: keySchema,
    healthcare: keySchema,
  }),
});

export type DemoState = z.infer<typeof demoStateSchema>;

export type ReadStateResult =
  | { ok: true; state: DemoState }
  | { ok: false; reason: "missing" | "unreadable" | "malformed" };

export async function readDemoState(file: string): Promise<ReadStateResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? "missing" : "unreadable" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = demoStateSchema.safeParse(json);
  return parsed.success ? { ok: true, state: parsed.data } : { ok: false, reason: "malformed" };
}

/** The file's JSON text, keys in the documented order. */
export function formatDemoState(state: DemoState): string {
  const ordered: DemoState = {
    consoleUrl: state.consoleUrl,
    decisionApiUrl: state.decisionApiUrl,
    ...(state.workerUrl ? { workerUrl: state.workerUrl } : {}),
    email: state.email,
    password: state.password,
    workspace: state.workspace,
    apiKey: state.apiKey,
    apiKeys: {
      development: state.apiKeys.development,
      production: state.apiKeys.production,
      healthcare: state.apiKeys.healthcare,
    },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Writes the file through a temporary file created with mode 0600 in the same folder, then
 * renames it over the old one: a reader never sees half a file, nor a moment of wider mode.
 */
export async function writeDemoState(file: string, state: DemoState): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, formatDemoState(state), { mode: 0o600, flag: "wx" });
  await chmod(temp, 0o600); // whatever the umask
  await rename(temp, file);
}

/** Narrows the file's mode to 0600 when it is wider; true when it had to. */
export async function ensurePrivateMode(file: string): Promise<boolean> {
  const { mode } = await stat(file);
  if ((mode & 0o777) === 0o600) return false;
  await chmod(file, 0o600);
  return true;
}
