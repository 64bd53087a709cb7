/**
 * What the process does with errors nobody caught (server/index.ts installs it first thing):
 *
 * - An unhandled promise rejection is logged and the server **keeps serving**: a promise nobody
 *   awaited (a reconnection window closed by a disposing room, a socket gone mid-send) leaves no
 *   state half-changed, and exiting would end every circle in progress.
 * - An uncaught exception means some code stopped halfway, so state may be inconsistent: it is
 *   logged, the server shuts down cleanly (rooms disposed, database closed, at most 5 s), and the
 *   process **exits with code 1** for its supervisor to restart it.
 *
 * Logs carry the error's name, code and message with anything quoted in it, IP addresses and emails
 * removed (messages such as JSON parse errors quote the input, which could be a pseudonym or chat),
 * and the first stack frame; never the error object or its properties. Other process-wide handlers (Colyseus loads @pm2/io, which prints whole errors
 * and never exits) are removed: this is the only policy.
 */

type Shutdown = () => Promise<void>;

let shutdown: Shutdown | null = null;
let installed = false;
let exiting = false;

/** How long a clean shutdown may take after an uncaught exception before the process just exits. */
export const FATAL_SHUTDOWN_MS = 5000;

/** The first line of a message with quoted parts, addresses and emails removed, at most 160 characters. */
export function scrubMessage(message: string): string {
  return (message.split("\n")[0] ?? "")
    .replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”/g, "…")
    // addresses and emails, wherever a message names one
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b|[^\s@]+@[^\s@]+/gi, "…")
    .slice(0, 160);
}

/**
 * "TypeError (ERR_X): message" with quoted parts and long tails removed, and the first stack frame
 * unless `where` is false.
 */
export function describeError(e: unknown, where = true): string {
  if (!(e instanceof Error)) return `a non-error value (${e === null ? "null" : typeof e})`;
  const raw = (e as Error & { code?: unknown }).code;
  const code = typeof raw === "string" || typeof raw === "number" ? ` (${String(raw)})` : "";
  const message = scrubMessage(e.message);
  // The first frame says where, without any values.
  const frame = where ? (e.stack?.split("\n").find((l) => l.trim().startsWith("at "))?.trim() ?? "") : "";
  return `${e.name}${code}: ${message}${frame ? ` [${frame}]` : ""}`;
}

function onRejection(reason: unknown): void {
  console.error(`unhandled rejection (still serving): ${describeError(reason)}`);
}

function onException(error: unknown): void {
  console.error(`uncaught exception, shutting down: ${describeError(error)}`);
  if (exiting) return;
  exiting = true;
  const timer = setTimeout(() => process.exit(1), FATAL_SHUTDOWN_MS);
  timer.unref();
  Promise.resolve(shutdown?.())
    .catch((e: unknown) => console.error(`shutdown failed: ${describeError(e)}`))
    .finally(() => process.exit(1));
}

/** Remove every other unhandledRejection / uncaughtException listener (call after libraries loaded theirs). */
export function dropOtherHandlers(): void {
  for (const listener of process.listeners("unhandledRejection")) if (listener !== onRejection) process.removeListener("unhandledRejection", listener);
  for (const listener of process.listeners("uncaughtException")) if (listener !== onException) process.removeListener("uncaughtException", listener);
}

/** Install the policy; `setShutdown` gives it the clean shutdown once the app exists. */
export function installProcessPolicy(): void {
  if (installed) return;
  installed = true;
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  // Libraries may add theirs later (Colyseus imports @pm2/io lazily): keep removing them. On the
  // next tick, not the next turn of the loop: a rejection is reported only after the tick queue ran,
  // so another listener never sees one (with setImmediate it sometimes printed the whole error).
  process.on("newListener", (event: string | symbol) => {
    if (event === "unhandledRejection" || event === "uncaughtException") process.nextTick(dropOtherHandlers);
  });
}

export function setShutdown(fn: Shutdown): void {
  shutdown = fn;
}

/** Run a startup step; on failure print one plain line (no stack) and exit 1. */
export async function orExit<T>(what: string, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    console.error(`Breathing Room cannot start: ${what}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
