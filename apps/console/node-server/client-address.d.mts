export { clientAddress, refuseHopCount, trustedProxies } from "@sekuire/net";
export declare const CLIENT_IP_HEADER_ENV: "SEKUIRE_CLIENT_IP_HEADER";
export declare const CLIENT_IP_HEADER_PREFIX: "x-sekuire-client-ip";
