import { router } from "../../trpc.js";
import { createProcedure } from "./create.js";
import { listProcedure } from "./list.js";
import { revokeProcedure } from "./revoke.js";

export const adminTokensRouter = router({
  create: createProcedure,
  list: listProcedure,
  revoke: revokeProcedure,
});
