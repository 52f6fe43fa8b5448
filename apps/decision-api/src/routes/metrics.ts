/** GET /metrics: Prometheus text format (behind SEKUIRE_METRICS_TOKEN when one is set). */
import { HttpError } from "../http/errors.js";
import type { Route } from "./route.js";

export const metricsRoute: Route = {
  method: "GET",
  path: "/metrics",
  async handle({ app, req, res }) {
    const token = app.settings.metricsToken;
    if (token && req.headers.authorization !== `Bearer ${token}`)
      throw new HttpError(
        "UNAUTHORIZED",
        "Metrics need Authorization: Bearer <SEKUIRE_METRICS_TOKEN>.",
      );
    const text = await app.metrics.registry.metrics();
    res.writeHead(200, { "content-type": app.metrics.registry.contentType });
    res.end(text);
  },
};
