import { randomBytes, scryptSync } from "node:crypto";

/** A hash as the server wrote them before the cost was raised (N = 2^15, r = 8, p = 1). */
export function oldCostHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}
