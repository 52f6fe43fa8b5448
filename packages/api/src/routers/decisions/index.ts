import { router } from "../../trpc.js";
import { exportProcedure } from "./export.js";
import { verifyChainProcedure } from "./verifyChain.js";

export const decisionsRouter = router({
  verifyChain: verifyChainProcedure,
  export: exportProcedure,
});
