import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Password hashing with scrypt from node:crypto (no native add-on to build), at OWASP's scrypt
 * minimum: N = 2^17, r = 8, p = 1 (128 MiB and a few hundred ms per hash). The parameters are stored
 * with each hash; a hash made with weaker ones is replaced at its owner's next sign-in (`needsRehash`).
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below that. */
const MAX_MEM = 256 * 1024 * 1024;
/** Hashes computed at once: each holds 128 MiB, and libuv's 4 threads are shared with file I/O. */
const MAX_PARALLEL = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return withSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEM }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** Hash a password as `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

const parse = (stored: string) => {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (kind !== "scrypt" || !salt || !hash || !Number.isInteger(N) || !Number.isInteger(R) || !Number.isInteger(P)) return null;
  // Only costs this server could have written: a stored hash must not make a sign-in cost unbounded.
  if (N < 2 ** 10 || N > SCRYPT.N || R < 1 || R > 16 || P < 1 || P > 4) return null;
  return { N, r: R, p: P, salt, hash };
};

/** Constant-time check of a password against a stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const expected = Buffer.from(h.hash, "base64url");
  const key = await derive(password, Buffer.from(h.salt, "base64url"), { N: h.N, r: h.r, p: h.p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True for a hash made with weaker parameters than today's (re-hash it after a successful sign-in). */
export function needsRehash(stored: string): boolean {
  const h = parse(stored);
  return !h || h.N < SCRYPT.N || h.r < SCRYPT.r || h.p < SCRYPT.p;
}

/** A hash to compare against when the email is unknown, so both paths cost the same. */
export const DUMMY_HASH_PROMISE: Promise<string> = hashPassword("not-a-real-password");
