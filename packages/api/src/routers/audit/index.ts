import { router } from "../../trpc.js";
import { listProcedure } from "./list.js";

export const auditRouter = router({
  list: listProcedure,
});
