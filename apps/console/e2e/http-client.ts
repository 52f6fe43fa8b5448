/** A tiny cookie-keeping HTTP client for next-auth's flows over plain fetch. */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = path.startsWith("http") ? path : `${this.base}${path}`;
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) headers.set(k, v);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k = "", v = ""] = a.split("=").map((x) => x.trim());
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async csrfToken(): Promise<string> {
    const res = await this.request("/api/auth/csrf");
    const body = (await res.json()) as { csrfToken: string };
    return body.csrfToken;
  }

  /** POSTs a form the way next-auth's client does (`json=true`: answer with JSON, not a redirect). */
  async postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, json: "true" }).toString(),
    });
  }

  /** Email + password sign-in; resolves with the URL next-auth answers (error=… on failure). */
  async signInWithPassword(
    email: string,
    password: string,
  ): Promise<{ status: number; url: string; error: string | null }> {
    const csrfToken = await this.csrfToken();
    const res = await this.postForm("/api/auth/callback/credentials", {
      csrfToken,
      email,
      password,
      callbackUrl: `${this.base}/app`,
    });
    const body = (await res.json().catch(() => ({}))) as { url?: string };
    const url = body.url ?? res.headers.get("location") ?? "";
    const error = url ? new URL(url, this.base).searchParams.get("error") : null;
    return { status: res.status, url, error };
  }

  async session(): Promise<{ user?: { id?: string; email?: string }; expires?: string }> {
    const res = await this.request("/api/auth/session");
    return (await res.json()) as { user?: { id?: string; email?: string }; expires?: string };
  }

  async trpcQuery<T>(
    path: string,
  ): Promise<{ status: number; data: T | undefined; body: unknown }> {
    const res = await this.request(`/api/trpc/${path}`);
    const body = (await res.json()) as { result?: { data?: T } };
    return { status: res.status, data: body.result?.data, body };
  }
}
