import { router } from "../../trpc.js";
import { createProcedure } from "./create.js";
import { listProcedure } from "./list.js";
import { revokeProcedure } from "./revoke.js";
import { rotateProcedure } from "./rotate.js";

export const apiKeysRouter = router({
  create: createProcedure,
  list: listProcedure,
  revoke: revokeProcedure,
  rotate: rotateProcedure,
});
