import { router } from "../../trpc.js";
import { createProcedure } from "./create.js";
import { listProcedure } from "./list.js";
import { updateProcedure } from "./update.js";

export const organizationsRouter = router({
  create: createProcedure,
  list: listProcedure,
  update: updateProcedure,
});
