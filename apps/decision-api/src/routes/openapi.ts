/** GET /v1/openapi.json: the OpenAPI 3.1 document generated from the contracts' schemas. */
import { openApiDocument } from "@sekuire/contracts/openapi";
import { sendJson } from "../http/reply.js";
import type { Route } from "./route.js";

let document: unknown;

export const openApiRoute: Route = {
  method: "GET",
  path: "/v1/openapi.json",
  handle({ res }) {
    // Built on first use: the generator is not needed for deciding.
    document ??= openApiDocument();
    sendJson(res, 200, document, { "cache-control": "public, max-age=300" });
  },
};
