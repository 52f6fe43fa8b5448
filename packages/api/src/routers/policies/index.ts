import { router } from "../../trpc.js";
import { approvePublishRequestProcedure } from "./approvePublishRequest.js";
import { createProcedure } from "./create.js";
import { deleteProcedure } from "./delete.js";
import { diffVersionsProcedure } from "./diffVersions.js";
import { getProcedure } from "./get.js";
import { getVersionProcedure } from "./getVersion.js";
import { listProcedure } from "./list.js";
import { listPublishRequestsProcedure } from "./listPublishRequests.js";
import { listVersionsProcedure } from "./listVersions.js";
import { publishProcedure } from "./publish.js";
import { rejectPublishRequestProcedure } from "./rejectPublishRequest.js";
import { restoreVersionProcedure } from "./restoreVersion.js";
import { saveDraftProcedure } from "./saveDraft.js";

export const policiesRouter = router({
  create: createProcedure,
  list: listProcedure,
  get: getProcedure,
  saveDraft: saveDraftProcedure,
  publish: publishProcedure,
  listPublishRequests: listPublishRequestsProcedure,
  approvePublishRequest: approvePublishRequestProcedure,
  rejectPublishRequest: rejectPublishRequestProcedure,
  listVersions: listVersionsProcedure,
  getVersion: getVersionProcedure,
  diffVersions: diffVersionsProcedure,
  restoreVersion: restoreVersionProcedure,
  delete: deleteProcedure,
});
