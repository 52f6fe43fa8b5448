import { router } from "../../trpc.js";
import { verifyChainProcedure } from "./verifyChain.js";

export const decisionsRouter = router({
  verifyChain: verifyChainProcedure,
});
