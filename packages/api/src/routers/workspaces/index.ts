import { router } from "../../trpc.js";
import { createProcedure } from "./create.js";
import { deleteProcedure } from "./delete.js";
import { getProcedure } from "./get.js";
import { listProcedure } from "./list.js";
import { setFrozenProcedure } from "./setFrozen.js";
import { updateProcedure } from "./update.js";

export const workspacesRouter = router({
  create: createProcedure,
  list: listProcedure,
  get: getProcedure,
  update: updateProcedure,
  setFrozen: setFrozenProcedure,
  delete: deleteProcedure,
});
