import { readBool } from "../values/bool.js";
import { defineFamily, type OperatorDef } from "./operator.js";

export const boolOperators: OperatorDef[] = defineFamily<boolean, boolean>(
  "bool",
  {
    policyValue: (raw) => {
      const b = readBool(raw);
      return b === undefined
        ? {
            ok: false,
            message: `The value ${JSON.stringify(raw)} is not a boolean: use true or false`,
          }
        : { ok: true, value: b };
    },
    read: readBool,
    test: (r, p) => r === p,
  },
  [["Bool", false]],
);
