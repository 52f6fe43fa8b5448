import { router } from "../../../trpc.js";
import { acceptProcedure } from "./accept.js";
import { createProcedure } from "./create.js";
import { listProcedure } from "./list.js";
import { revokeProcedure } from "./revoke.js";

export const invitationsRouter = router({
  create: createProcedure,
  accept: acceptProcedure,
  revoke: revokeProcedure,
  list: listProcedure,
});
