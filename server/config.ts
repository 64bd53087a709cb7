import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Process settings from the environment (and `--https` on the command line). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  https: boolean;
  skipClientBuild: boolean;
  /** built client to serve (CLIENT_DIR), default dist/client */
  clientDir: string | undefined;
}

export function readConfig(env = process.env, argv = process.argv): Config {
  const port = Number(env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    https: argv.includes("--https") || env.HTTPS === "1",
    skipClientBuild: env.SKIP_CLIENT_BUILD === "1",
    clientDir: env.CLIENT_DIR ? path.resolve(env.CLIENT_DIR) : undefined,
  };
}

/** JWT_SECRET from the environment, else one generated on first run and kept in the data directory. */
export function jwtSecret(dataDir: string, env = process.env): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "jwt-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
