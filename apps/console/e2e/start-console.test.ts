/**
 * The console as `pnpm start` serves it (scripts/start-console.sh): `next start` runs in
 * production mode, so the script must hand it an auth secret, kept in .sekuire/auth-secret and
 * reused across restarts, and the services' DATABASE_URL. A sign-in proves both.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MigratedTestDatabase } from "@sekuire/db/testing";
import { createTestDatabase } from "@sekuire/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Console, REPO_ROOT, startConsole } from "./harness";
import { HttpClient } from "./http-client";
import { PASSWORD, seedUser } from "./signed-in";

let database: MigratedTestDatabase;
const state = mkdtempSync(join(tmpdir(), "sekuire-start-"));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedUser(database, "ops@example.com");
});

afterAll(async () => {
  await database?.drop();
  rmSync(state, { recursive: true, force: true });
});

function startLikePnpmStart(): Promise<Console> {
  return startConsole({
    command: () => ({ file: "bash", args: [join(REPO_ROOT, "scripts/start-console.sh")] }),
    // No secret in the environment: the script must provide one.
    env: () => ({
      DATABASE_URL: database.url,
      SEKUIRE_STATE_DIR: state,
      NEXTAUTH_SECRET: "",
      AUTH_SECRET: "",
      NEXTAUTH_URL: "",
    }),
  });
}

describe("scripts/start-console.sh", () => {
  it("serves a console that signs in, with a secret kept for the next start", async () => {
    let server = await startLikePnpmStart();
    const file = join(state, "auth-secret");
    let http: HttpClient;
    try {
      http = new HttpClient(server.url);
      const signedIn = await http.signInWithPassword("ops@example.com", PASSWORD);
      expect(signedIn.error).toBeNull();
      expect((await http.session()).user?.email).toBe("ops@example.com");
    } finally {
      await server.stop();
    }
    const secret = readFileSync(file, "utf8").trim();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // A restart reuses the secret, so the session cookie still works.
    server = await startLikePnpmStart();
    try {
      const again = new HttpClient(server.url);
      for (const [name, value] of http.cookies) again.cookies.set(name, value);
      expect((await again.session()).user?.email).toBe("ops@example.com");
      expect(readFileSync(file, "utf8").trim()).toBe(secret);
    } finally {
      await server.stop();
    }
  });
});
