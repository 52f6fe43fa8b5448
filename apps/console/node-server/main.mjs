/**
 * The console's own HTTP server: the built Next app (`next build`) behind node:http, so the
 * client's address comes from the TCP socket, which Next's route handlers never see.
 *
 * Each request gets the address (client-address.mjs: the socket's peer, or what trusted
 * proxies in SEKUIRE_TRUSTED_PROXIES forwarded) in a request header whose name is random per
 * run and handed to the Next code in SEKUIRE_CLIENT_IP_HEADER, so no client can supply it; any
 * header that looks like it is dropped first. Used by `pnpm start` (scripts/start-console.sh)
 * and the browser tests. `node node-server/main.mjs [-p PORT] [-H HOST]`, PORT by default.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import {
  CLIENT_IP_HEADER_ENV,
  CLIENT_IP_HEADER_PREFIX,
  clientAddress,
  refuseHopCount,
  trustedProxies,
} from "./client-address.mjs";
import { handToNext, serverEnv } from "./env.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const hostname = values.hostname;
let port;
let trust;
try {
  const env = serverEnv();
  port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`port ${JSON.stringify(values.port)} is not a port`);
  refuseHopCount(env.SEKUIRE_TRUST_PROXY, "the console");
  trust = trustedProxies(env.SEKUIRE_TRUSTED_PROXIES);
} catch (error) {
  console.error(`[console] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const header = `${CLIENT_IP_HEADER_PREFIX}-${randomBytes(16).toString("hex")}`;
handToNext(CLIENT_IP_HEADER_ENV, header);

const dir = fileURLToPath(new URL("..", import.meta.url));
const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  for (const name of Object.keys(req.headers))
    if (name.startsWith(CLIENT_IP_HEADER_PREFIX)) delete req.headers[name];
  const address = clientAddress(req, trust);
  if (address) req.headers[header] = address;
  handle(req, res).catch((error) => {
    console.error("[console] request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.listen(port, hostname, () => {
  console.log(`[console] ready on http://${hostname ?? "localhost"}:${port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; don't wait for them forever.
  setTimeout(() => process.exit(0), 5000).unref();
  server.closeIdleConnections();
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
