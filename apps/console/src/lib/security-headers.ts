/**
 * The console's security headers (issue 10, item 8), in one place: next.config.ts sets the static
 * ones on every response (pages, API routes, static assets), src/proxy.ts the per-request
 * Content-Security-Policy with its nonce on everything Next renders.
 *
 * The CSP follows Next's strict recipe: scripts only with this request's nonce (and what they
 * load, 'strict-dynamic'), styles from our origin or with the nonce (CodeMirror's style tags get
 * it through EditorView.cspNonce), nothing framed or framing us. Development adds 'unsafe-eval',
 * which React's dev build needs for its error overlays; production never has it.
 */

/** Headers every response carries, whatever serves it. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // frame-ancestors in the CSP is the modern form; X-Frame-Options covers older browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** The Content-Security-Policy for one response, with its nonce. */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
