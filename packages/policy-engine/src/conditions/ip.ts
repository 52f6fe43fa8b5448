import { type Address, type Cidr, inCidr, parseCidr, readAddress } from "../values/ip.js";
import { defineFamily, type OperatorDef } from "./operator.js";

export const ipOperators: OperatorDef[] = defineFamily<Address, Cidr>(
  "ip",
  {
    policyValue: (raw) => {
      const cidr = typeof raw === "string" ? parseCidr(raw) : undefined;
      return cidr === undefined
        ? {
            ok: false,
            message: `The value ${JSON.stringify(raw)} is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32)`,
          }
        : { ok: true, value: cidr };
    },
    read: readAddress,
    test: inCidr,
  },
  [
    ["IpAddress", false],
    ["NotIpAddress", true],
  ],
);
