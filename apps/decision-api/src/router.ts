/** Matching a request to a route: exact segments and `:name` parameters. */
import type { Route } from "./routes/route.js";

interface Compiled {
  route: Route;
  segments: string[];
}

export type Match =
  | { found: true; route: Route; params: Record<string, string> }
  | { found: false; allowed: string[] };

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split("/") }));
  }

  match(method: string, pathname: string): Match {
    const parts = pathname.split("/");
    const allowed: string[] = [];
    for (const { route, segments } of this.compiled) {
      const params = matchPath(segments, parts);
      if (!params) continue;
      if (route.method === method) return { found: true, route, params };
      allowed.push(route.method);
    }
    return { found: false, allowed };
  }
}

function matchPath(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i] as string;
    if (segment.startsWith(":")) {
      if (part === "") return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
      } catch {
        return null;
      }
    } else if (segment !== part) return null;
  }
  return params;
}
