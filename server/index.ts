import "./polyfills";
import { installProcessPolicy, orExit, setShutdown } from "./processPolicy";
import type https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureClientBuilt } from "./clientBuild";
import { jwtSecret, readConfig } from "./config";
import { createApp } from "./app";
import { SfuServer } from "./voice/SfuServer";
import { certificateFiles, keepSelfSignedFresh, lanAddresses, selfSignedCertificate } from "./tls";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
installProcessPolicy();
const config = await orExit("settings", () => readConfig());
const secret = await orExit("JWT_SECRET", () => jwtSecret(config.dataDir));

if (!config.skipClientBuild && !config.clientDir) await ensureClientBuilt(root);
// A certificate of your own (TLS_CERT / TLS_KEY) gets HSTS; the self-signed one never does.
const tls = config.tlsFiles
  ? { ...(await orExit("TLS_CERT / TLS_KEY", () => certificateFiles(config.tlsFiles!))), real: true }
  : config.https
    ? await selfSignedCertificate(config.dataDir)
    : undefined;
const app = createApp({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  cluster: { redisUrl: config.redisUrl, publicAddress: config.publicAddress },
  jwtSecret: secret,
  clientDir: config.clientDir ?? path.join(root, "dist", "client"),
  tls,
  trustProxy: config.trustProxy,
  voice: { iceServers: config.iceServers, sfu: config.janus ? new SfuServer(config.janus) : undefined },
});

setShutdown(() => app.close());
if (tls && !("real" in tls)) keepSelfSignedFresh(app.httpServer as https.Server, config.dataDir);

// The handlers are in place before the port opens: whoever reads "listening on" may stop us at once.
const stop = () => {
  // Rooms save their circles and tell everyone they are moving (4200); a room that does not empty in
  // time (a reconnection window still open) does not hold the process: it exits after the grace anyway.
  setTimeout(() => {
    console.error(`shutdown took longer than ${config.shutdownGraceMs} ms; exiting`);
    process.exit(0);
  }, config.shutdownGraceMs).unref();
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

await orExit(`listening on ${config.host}:${config.port}`, () => app.server.listen(config.port, config.host));
const scheme = tls ? "https" : "http";
console.log(`Breathing Room listening on ${scheme}://${config.host}:${config.port}`);
if (config.host === "0.0.0.0") {
  for (const ip of lanAddresses()) console.log(`  on your network: ${scheme}://${ip}:${config.port}`);
}

