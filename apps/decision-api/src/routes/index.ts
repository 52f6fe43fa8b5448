/** Every route of the decision API, one file each. */
import { approvalRoute } from "./approvals.js";
import { evaluationRoute, evaluationsRoute } from "./authzen.js";
import { batchRoute } from "./batch.js";
import { completeRoute } from "./complete.js";
import { decisionsRoute } from "./decisions.js";
import { healthzRoute, readyzRoute } from "./health.js";
import { metricsRoute } from "./metrics.js";
import { openApiRoute } from "./openapi.js";
import type { Route } from "./route.js";

export const ROUTES: readonly Route[] = [
  decisionsRoute,
  batchRoute,
  evaluationRoute,
  evaluationsRoute,
  completeRoute,
  approvalRoute,
  healthzRoute,
  readyzRoute,
  openApiRoute,
  metricsRoute,
];
