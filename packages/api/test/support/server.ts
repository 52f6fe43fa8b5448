/**
 * The API's HTTP handler on a real local server for one test file: started before its tests on
 * an ephemeral port, closed after. `base()` is the tRPC endpoint's URL.
 */
import type { AddressInfo } from "node:net";
import type { Db } from "@sekuire/db";
import { afterAll, beforeAll } from "vitest";
import { createApiHandler } from "../../src/http.js";
import { createNodeServer } from "../../src/node-server.js";

export function serveApiForFile(db: () => Db): { base(): string } {
  let server: ReturnType<typeof createNodeServer> | undefined;
  let url = "";
  beforeAll(async () => {
    server = createNodeServer(createApiHandler({ db: db(), onInternalError: () => {} }));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return { base: () => url };
}
