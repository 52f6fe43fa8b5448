import { router } from "../../trpc.js";
import { assignProcedure } from "./assign.js";
import { changeProcedure } from "./change.js";
import { effectiveSettingsProcedure } from "./effectiveSettings.js";
import { listForWorkspaceProcedure } from "./listForWorkspace.js";
import { unassignProcedure } from "./unassign.js";

export const assignmentsRouter = router({
  assign: assignProcedure,
  change: changeProcedure,
  unassign: unassignProcedure,
  listForWorkspace: listForWorkspaceProcedure,
  effectiveSettings: effectiveSettingsProcedure,
});
