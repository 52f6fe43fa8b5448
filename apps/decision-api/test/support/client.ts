/** Calling a decision-api process as an agent does: fetch with a bearer key. */

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  path: string,
  init: {
    method?: string;
    key?: string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined || init.raw !== undefined)
    headers["content-type"] ??= "application/json";
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? "POST" : "GET"),
    headers,
    ...(init.raw !== undefined
      ? { body: init.raw }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as T,
  };
}

/** POST /v1/decisions */
export function decision(
  base: string,
  key: string,
  body: unknown,
  headers?: Record<string, string>,
) {
  return call(base, "/v1/decisions", { key, body, ...(headers ? { headers } : {}) });
}

export { eventually } from "@sekuire/testkit";
