/** Every route of the decision API, one file each. */
import { approvalRoute } from "./approvals.js";
import { completeRoute } from "./complete.js";
import { decisionsRoute } from "./decisions.js";
import { healthzRoute, readyzRoute } from "./health.js";
import { openApiRoute } from "./openapi.js";
import type { Route } from "./route.js";

export const ROUTES: readonly Route[] = [
  decisionsRoute,
  completeRoute,
  approvalRoute,
  healthzRoute,
  readyzRoute,
  openApiRoute,
];
