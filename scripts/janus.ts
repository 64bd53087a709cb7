// Debian's Janus (apt-get install janus), started for tests and benchmarks on loopback with a
// configuration of its own in a temporary directory: only the VideoRoom plugin and the WebSocket
// transport, ICE on the loopback interface only, rooms created only with an admin key.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./freePort";

/** Where Debian puts Janus' plugins and transports. */
const LIB = "/usr/lib/x86_64-linux-gnu/janus";
export const JANUS_BIN = process.env.JANUS_BIN ?? "/usr/bin/janus";

export interface RunningJanus {
  /** ws://127.0.0.1:PORT (the JANUS_URL to give our server) */
  url: string;
  /** VideoRoom admin key (JANUS_ADMIN_KEY): rooms can be created with it only */
  adminKey: string;
  stop: () => void;
}

export const janusInstalled = () => existsSync(JANUS_BIN) && existsSync(join(LIB, "plugins", "libjanus_videoroom.so"));

export async function startJanus(): Promise<RunningJanus> {
  const dir = mkdtempSync(join(tmpdir(), "breathing-room-janus-"));
  const port = await freePort();
  const adminKey = `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  for (const [folder, file] of [["plugins", "libjanus_videoroom.so"], ["transports", "libjanus_websockets.so"]] as const) {
    mkdirSync(join(dir, folder));
    symlinkSync(join(LIB, folder, file), join(dir, folder, file));
  }
  const rtp = 20000 + Math.floor(Math.random() * 400) * 100;
  writeFileSync(
    join(dir, "janus.jcfg"),
    `general: { configs_folder = "${dir}" plugins_folder = "${dir}/plugins" transports_folder = "${dir}/transports" events_folder = "${dir}/none" loggers_folder = "${dir}/none" debug_level = 4 session_timeout = 60 }
media: { rtp_port_range = "${rtp}-${rtp + 99}" }
nat: { ice_enforce_list = "lo" nice_debug = false ignore_mdns = true }
`,
  );
  writeFileSync(join(dir, "janus.transport.websockets.jcfg"), `general: { json = "plain" ws = true ws_port = ${port} ws_ip = "127.0.0.1" wss = false }\nadmin: { admin_ws = false }\n`);
  writeFileSync(join(dir, "janus.plugin.videoroom.jcfg"), `general: { admin_key = "${adminKey}" string_ids = true }\n`);
  const child: ChildProcess = spawn(JANUS_BIN, ["--config", join(dir, "janus.jcfg"), "--configs-folder", dir, "--disable-colors"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  await new Promise<void>((done, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`janus did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/WebSockets server started/i.test(output)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`janus exited with ${code}:\n${output}`));
    });
  }).catch((error: unknown) => {
    stop();
    throw error;
  });
  return { url: `ws://127.0.0.1:${port}`, adminKey, stop };
}
