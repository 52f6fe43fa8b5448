export {
  clientAddress,
  refuseHopCount,
  TRUSTED_PROXIES_ENV,
  type Trust,
  trustedProxies,
} from "./client-address.js";
export {
  addressAllowed,
  addressRange,
  checkLiteralHost,
  guardedLookup,
  type OutboundPolicy,
  RefusedAddressError,
} from "./outbound.js";
