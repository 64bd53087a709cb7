/**
 * Headers for a WebXR app that loads nothing from other origins. 'wasm-unsafe-eval' is for
 * WebAssembly decoders; blob: workers and data: fonts/images are what troika text uses. A blob:
 * worker inherits this policy, and troika's worker loads its own code with importScripts(blob:),
 * so script-src must allow blob: too (only URLs this page created itself). GLTFLoader fetches
 * the textures embedded in controller models as blob: URLs, hence connect-src blob: data:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/** The headers every response carries (set by guardRequests, ahead of Colyseus and express). */
export function securityHeaderValues(): [string, string][] {
  return [
    ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
    ["Permissions-Policy", "xr-spatial-tracking=(self), microphone=(self), camera=(), geolocation=(), payment=()"],
    ["Referrer-Policy", "no-referrer"],
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
  ];
}

/**
 * Colyseus answers every request with permissive CORS (any origin, with credentials). The client is
 * served from this same origin, so allow only requests whose Origin is this host: another web page
 * cannot then drive the API or matchmaking from a visitor's browser.
 */
export function restrictCorsToSameOrigin(controller: {
  DEFAULT_CORS_HEADERS: Record<string, string>;
  getCorsHeaders: (headers: Headers) => Record<string, string>;
}): void {
  delete controller.DEFAULT_CORS_HEADERS["Access-Control-Allow-Origin"];
  delete controller.DEFAULT_CORS_HEADERS["Access-Control-Allow-Credentials"];
  controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get("origin");
    if (!origin) return {};
    try {
      return new URL(origin).host === headers.get("host") ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {};
    } catch {
      return {};
    }
  };
}
