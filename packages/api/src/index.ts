// @sekuire/api: the tRPC routers (thin procedures over @sekuire/core) and their HTTP handler.

export { createExportHandler, type ExportHandlerOptions } from "./export-handler.js";
export {
  type ApiHandler,
  type ApiHandlerOptions,
  adminTokenPrincipal,
  type ClientConnection,
  createApiHandler,
  DEFAULT_ENDPOINT,
} from "./http.js";
export { type Jsonify, toJson } from "./json.js";
export { createNodeServer } from "./node-server.js";
export { type RequestOrigin, requestOrigin, trustedProxyHops } from "./origin.js";
export { type AppRouter, appRouter, createCaller } from "./router.js";
export {
  type ApiErrorData,
  appErrorOf,
  authedProcedure,
  type Context,
  publicProcedure,
  router,
} from "./trpc.js";
