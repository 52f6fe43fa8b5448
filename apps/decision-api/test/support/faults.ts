/**
 * Real faults for the fault tests: a TCP relay in front of Postgres that a test cuts (every
 * connection reset, none accepted) and restores — the shared Postgres of the other test files
 * keeps running. The private redis-server is @sekuire/redis/testing's.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export { freePort, PrivateRedis } from "@sekuire/redis/testing";

/** A relay from a local port to Postgres that can be cut and restored. */
export class CuttableRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
