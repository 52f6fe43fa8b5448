import { router } from "../../trpc.js";
import { decideProcedure } from "./decide.js";
import { getProcedure } from "./get.js";
import { listProcedure } from "./list.js";
import { pendingCountProcedure } from "./pending-count.js";

export const approvalsRouter = router({
  get: getProcedure,
  list: listProcedure,
  pendingCount: pendingCountProcedure,
  decide: decideProcedure,
});
