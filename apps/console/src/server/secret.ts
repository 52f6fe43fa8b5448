/**
 * The next-auth secret: NEXTAUTH_SECRET or AUTH_SECRET from the environment. In development,
 * when neither is set, one is generated once into the git-ignored `.sekuire/auth-secret` at the
 * repository root and reused, so sessions survive restarts. Never hard-coded; required in
 * production.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { consoleEnv } from "./env";

let cached: string | undefined;

function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export interface AuthSecretOptions {
  env?: Record<string, string | undefined>;
  /** Where `.sekuire/` lives (default: the repository root above the working directory). */
  root?: string;
}

export function authSecret(options: AuthSecretOptions = {}): string {
  const env = options.env ?? consoleEnv();
  const fromEnv = env.NEXTAUTH_SECRET?.trim() || env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (cached && !options.root) return cached;
  if (env.NODE_ENV === "production")
    throw new Error(
      "NEXTAUTH_SECRET (or AUTH_SECRET) is not set: set it to a long random value, e.g. `openssl rand -base64 32`.",
    );
  const file = join(options.root ?? repoRoot(), ".sekuire", "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored) {
      if (!options.root) cached = stored;
      return stored;
    }
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  console.info(`[auth] no NEXTAUTH_SECRET: generated a development secret in ${file}`);
  if (!options.root) cached = secret;
  return secret;
}
