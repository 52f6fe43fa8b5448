import { router } from "../../trpc.js";
import { decideProcedure } from "./decide.js";
import { getProcedure } from "./get.js";

export const approvalsRouter = router({
  get: getProcedure,
  decide: decideProcedure,
});
