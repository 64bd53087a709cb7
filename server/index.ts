import "./polyfills";
import { installProcessPolicy, orExit, setShutdown } from "./processPolicy";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureClientBuilt } from "./clientBuild";
import { jwtSecret, readConfig } from "./config";
import { createApp } from "./app";
import { lanAddresses, selfSignedCertificate } from "./tls";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
installProcessPolicy();
const config = await orExit("settings", () => readConfig());
const secret = await orExit("JWT_SECRET", () => jwtSecret(config.dataDir));

if (!config.skipClientBuild && !config.clientDir) await ensureClientBuilt(root);
const tls = config.https ? await selfSignedCertificate(config.dataDir) : undefined;
const app = createApp({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  cluster: { redisUrl: config.redisUrl, publicAddress: config.publicAddress },
  jwtSecret: secret,
  clientDir: config.clientDir ?? path.join(root, "dist", "client"),
  tls,
  voice: { iceServers: config.iceServers },
});

setShutdown(() => app.close());

await orExit(`listening on ${config.host}:${config.port}`, () => app.server.listen(config.port, config.host));
const scheme = tls ? "https" : "http";
console.log(`Breathing Room listening on ${scheme}://${config.host}:${config.port}`);
if (config.host === "0.0.0.0") {
  for (const ip of lanAddresses()) console.log(`  on your network: ${scheme}://${ip}:${config.port}`);
}

const stop = () => {
  app.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error("shutdown failed:", (e as Error)?.message);
      process.exit(1);
    },
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
