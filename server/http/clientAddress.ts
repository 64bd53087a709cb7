import type http from "node:http";
import proxyAddr from "proxy-addr";

/** What `TRUST_PROXY` may name besides addresses and CIDR ranges (proxy-addr's names). */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY: the reverse proxies whose `X-Forwarded-For` the server believes, as a comma-separated
 * list of addresses, CIDR ranges (`10.0.0.0/8`, `fd00::/8`) or the names `loopback`, `linklocal`,
 * `uniquelocal`. Unset or empty: none — the socket's own address is the client's, and forwarded-for
 * headers are ignored. "Everyone" is not a choice: with it, any client could pick its own address.
 */
export function parseTrustProxy(raw: string | undefined): string[] {
  const entries = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (NAMED_RANGES.has(entry)) continue;
    try {
      proxyAddr.compile(entry);
    } catch {
      throw new Error(`TRUST_PROXY: ${entry} is not an address, a CIDR range or one of loopback, linklocal, uniquelocal`);
    }
  }
  return entries;
}

const ADDRESS = Symbol("client address");
type Addressed = http.IncomingMessage & { [ADDRESS]?: string };

/**
 * Works out each request's client address once (requestGuard calls it before anything else sees the
 * request): the socket's address, or — when the socket is a trusted proxy — the address that proxy
 * put in `X-Forwarded-For` (walking back from the nearest hop past every trusted one, so a client
 * cannot put an address of its choosing in front of the proxy's own entry).
 */
export function addressResolver(trusted: readonly string[]): (req: http.IncomingMessage) => string {
  if (trusted.length === 0) return (req) => req.socket.remoteAddress ?? "unknown";
  const trust = proxyAddr.compile([...trusted]);
  return (req) => proxyAddr(req, trust) || "unknown";
}

/** Remember the address a request came from (see addressResolver). */
export function setAddress(req: http.IncomingMessage, address: string): void {
  (req as Addressed)[ADDRESS] = address;
}

/** The address a request came from: as resolved by requestGuard (TRUST_PROXY), else the socket's. */
export function addressOf(req: http.IncomingMessage): string {
  return (req as Addressed)[ADDRESS] ?? req.socket.remoteAddress ?? "unknown";
}
