import type { IncomingMessage } from "node:http";

export declare const TRUSTED_PROXIES_ENV: "SEKUIRE_TRUSTED_PROXIES";
export declare const CLIENT_IP_HEADER_ENV: "SEKUIRE_CLIENT_IP_HEADER";
export declare const CLIENT_IP_HEADER_PREFIX: "x-sekuire-client-ip";
export type Trust = (address: string, hop: number) => boolean;
export declare function trustedProxies(value?: string): Trust;
export declare function refuseHopCount(value?: string): void;
export declare function clientAddress(
  req: Pick<IncomingMessage, "headers" | "socket">,
  trust: Trust,
): string | null;
