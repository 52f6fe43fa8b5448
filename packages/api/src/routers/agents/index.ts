import { router } from "../../trpc.js";
import { createProcedure } from "./create.js";
import { deleteProcedure } from "./delete.js";
import { getProcedure } from "./get.js";
import { listProcedure } from "./list.js";
import { setFrozenProcedure } from "./setFrozen.js";

export const agentsRouter = router({
  create: createProcedure,
  list: listProcedure,
  get: getProcedure,
  setFrozen: setFrozenProcedure,
  delete: deleteProcedure,
});
