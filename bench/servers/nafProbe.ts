/**
 * Preloaded (`--import`) into networked-aframe's own socketio-server.js, which runs unchanged from
 * its npm tarball: adds the same measurements our servers report (no patch time: NAF relays each
 * message as it comes).
 */
import { serveRequests } from "../lib/processes";
import { startProbe } from "./probe";

const probe = startProbe();
process.on("SIGTERM", () => process.exit(0));
serveRequests(
  {
    ...probe.handlers,
    /** NAF opens a room for any name joined; answer `count` fresh ones. */
    sessions: ({ count }: { count: number }) => Array.from({ length: count }, (_, i) => `circle-${Date.now()}-${i}`),
  },
  { port: Number(process.env.PORT) },
);
