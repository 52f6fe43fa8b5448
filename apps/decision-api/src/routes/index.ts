/** Every route of the decision API, one file each. */
import { completeRoute } from "./complete.js";
import { decisionsRoute } from "./decisions.js";
import { healthzRoute, readyzRoute } from "./health.js";
import { openApiRoute } from "./openapi.js";
import type { Route } from "./route.js";

export const ROUTES: readonly Route[] = [
  decisionsRoute,
  completeRoute,
  healthzRoute,
  readyzRoute,
  openApiRoute,
];
