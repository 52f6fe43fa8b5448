/** Types for the benchmark's plain-JS modules, as the differential test uses them. */
declare module "*/bench/generate.mjs" {
  type Doc = { id: string; doc: unknown };
  type Req = { action: string; resource: string; context?: Record<string, unknown> };
  export function generateSet(statements: number, seed?: number): { docs: Doc[]; hosts: number };
  export function generateRequests(
    docs: Doc[],
    hosts: number,
    count: number,
    seed?: number,
  ): { requests: Req[]; peerRequests: Req[] };
}

declare module "*/bench/cedar.mjs" {
  type Peer = { name: string; decide(i: number): string };
  export function createCedarPeer(
    docs: Array<{ id: string; doc: unknown }>,
    requests: unknown[],
  ): Peer;
}

declare module "*/bench/casbin.mjs" {
  type Peer = { name: string; decide(i: number): string };
  export function createCasbinPeer(
    docs: Array<{ id: string; doc: unknown }>,
    requests: unknown[],
  ): Promise<Peer>;
}
