/**
 * Starts the built console on a free port the way `pnpm start` serves it (the console's own
 * server, node-server/main.mjs, which reads client addresses from the socket), and a headless
 * Debian Chromium. `pnpm build` must have run first (`.next/` is what the server serves).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(APP_DIR, "../..");
export const ARTIFACTS = join(REPO_ROOT, ".artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Console {
  url: string;
  stop(): Promise<void>;
}

export interface StartConsoleOptions {
  /** Extra environment for the server, given its base URL (e.g. NEXTAUTH_URL, DATABASE_URL). */
  env?: (url: string) => Record<string, string>;
  /** What to run instead of node-server/main.mjs (it must listen on PORT). */
  command?: (port: number) => { file: string; args: string[] };
}

export async function startConsole(options: StartConsoleOptions = {}): Promise<Console> {
  if (!existsSync(join(APP_DIR, ".next", "BUILD_ID")))
    throw new Error("apps/console is not built: run `pnpm build` first.");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  // node itself is the child, so it is the server; its own process group lets stop() take any
  // helper it forks with it.
  const command = options.command?.(port) ?? {
    file: process.execPath,
    args: [join(APP_DIR, "node-server/main.mjs"), "-p", String(port), "-H", "127.0.0.1"],
  };
  const child: ChildProcess = spawn(command.file, command.args, {
    cwd: APP_DIR,
    env: {
      ...process.env,
      ...options.env?.(url),
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((ok) => child.once("exit", ok));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the console exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`the console did not answer on ${url} within 90 s:\n${output}`);
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh profile per run: launchPersistentContext with a new temporary user-data-dir. */
export async function startBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run \`bash scripts/chromium.sh\` (as root) first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), "sekuire-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Let pending layout work (CodeMirror measures and scrolls in animation frames) settle.
  await page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(null)))),
  );
  await page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage });
}

export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await locator.screenshot({ path: join(ARTIFACTS, `console-${name}.png`) });
}
