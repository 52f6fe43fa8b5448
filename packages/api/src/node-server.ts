/**
 * Serves a fetch handler from node:http, for scripts and tests that want the API on a port
 * without a framework. Node 20 has Request/Response built in; this only copies between them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { errorEnvelope } from "@sekuire/contracts";
import type { ApiHandler } from "./http.js";

/** The socket's peer address goes along with each request (the audit trail's IP). */
export function createNodeServer(handler: ApiHandler): Server {
  return createServer((req, res) => {
    toFetchRequest(req)
      .then((request) => handler(request, { remoteAddress: req.socket.remoteAddress }))
      .then((response) => writeResponse(response, res))
      .catch((error: unknown) => {
        console.error("[api] node adapter failed", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(
          JSON.stringify(
            errorEnvelope("INTERNAL_SERVER_ERROR", "Something went wrong on our side.", null),
          ),
        );
      });
  });
}

async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  let body: Buffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(url, { method, headers, body });
}

/** Streams the body as it comes (an export is written page by page, never held whole). */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res);
}
