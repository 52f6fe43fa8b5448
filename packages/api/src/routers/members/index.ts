import { router } from "../../trpc.js";
import { changeRoleProcedure } from "./changeRole.js";
import { invitationsRouter } from "./invitations/index.js";
import { leaveProcedure } from "./leave.js";
import { listProcedure } from "./list.js";
import { removeProcedure } from "./remove.js";

export const membersRouter = router({
  list: listProcedure,
  changeRole: changeRoleProcedure,
  remove: removeProcedure,
  leave: leaveProcedure,
  invitations: invitationsRouter,
});
