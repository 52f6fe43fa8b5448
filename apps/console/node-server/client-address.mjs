/**
 * The client's address for the console's own server (main.mjs): @sekuire/net's rule (the
 * socket's peer, X-Forwarded-For only through proxies listed in SEKUIRE_TRUSTED_PROXIES), the
 * same the decision API applies, plus the header that carries it to the Next code.
 */
export { clientAddress, refuseHopCount, trustedProxies } from "@sekuire/net";

/** The request header that carries the address to the Next code (its name is random per run). */
export const CLIENT_IP_HEADER_ENV = "SEKUIRE_CLIENT_IP_HEADER";
export const CLIENT_IP_HEADER_PREFIX = "x-sekuire-client-ip";
