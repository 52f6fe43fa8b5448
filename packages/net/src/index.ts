export {
  clientAddress,
  refuseHopCount,
  TRUSTED_PROXIES_ENV,
  type Trust,
  trustedProxies,
} from "./client-address.js";
