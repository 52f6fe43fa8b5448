import { router } from "../../trpc.js";
import { exportProcedure } from "./export.js";
import { getProcedure } from "./get.js";
import { listProcedure } from "./list.js";
import { statsProcedure } from "./stats.js";
import { verifyChainProcedure } from "./verifyChain.js";

export const decisionsRouter = router({
  verifyChain: verifyChainProcedure,
  export: exportProcedure,
  list: listProcedure,
  get: getProcedure,
  stats: statsProcedure,
});
