// Debian's Janus (apt-get install janus), started for tests and benchmarks on loopback with a
// configuration of its own in a temporary directory: only the VideoRoom plugin and the WebSocket
// transport, ICE on a loopback address only, rooms created only with an admin key.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
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

/**
 * Janus 1.1 gathers no ICE candidate on an interface flagged as loopback (src/ice.c skips
 * IFF_LOOPBACK), so on `lo` alone it cannot take a call. Inside a network namespace of our own
 * (only `lo` in it: `unshare -rn`), a veth pair holding 127.0.0.2 gives it a loopback-range
 * address on an ordinary interface: packets to it are delivered locally like any 127/8 address and
 * never leave the namespace. Outside such a namespace nothing is changed (Janus then answers
 * requests but cannot connect media).
 */
export const JANUS_ICE_INTERFACE = "brjanus0";
export const JANUS_ICE_ADDRESS = "127.0.0.2";

function iceInterface(): boolean {
  try {
    const links = execFileSync("ip", ["-o", "link", "show"], { encoding: "utf8" });
    const names = [...links.matchAll(/^\d+: ([^:@\s]+)/gm)].map((m) => m[1]);
    if (names.includes(JANUS_ICE_INTERFACE)) return true;
    if (names.some((name) => name !== "lo")) return false;
    const ip = (...args: string[]) => execFileSync("ip", args, { stdio: "ignore" });
    ip("link", "add", JANUS_ICE_INTERFACE, "type", "veth", "peer", "name", "brjanus1");
    // No IPv6 link-local addresses: nothing but 127/8 on these interfaces.
    for (const dev of [JANUS_ICE_INTERFACE, "brjanus1"]) ip("link", "set", dev, "addrgenmode", "none");
    ip("addr", "add", `${JANUS_ICE_ADDRESS}/32`, "dev", JANUS_ICE_INTERFACE);
    for (const dev of [JANUS_ICE_INTERFACE, "brjanus1"]) ip("link", "set", dev, "up");
    return true;
  } catch {
    return false;
  }
}

export const janusInstalled = () => existsSync(JANUS_BIN) && existsSync(join(LIB, "plugins", "libjanus_videoroom.so"));

export async function startJanus(): Promise<RunningJanus> {
  const dir = mkdtempSync(join(tmpdir(), "breathing-room-janus-"));
  const port = await freePort();
  const adminKey = randomBytes(18).toString("base64url");
  const ice = iceInterface() ? JANUS_ICE_INTERFACE : "lo";
  for (const [folder, file] of [["plugins", "libjanus_videoroom.so"], ["transports", "libjanus_websockets.so"]] as const) {
    mkdirSync(join(dir, folder));
    symlinkSync(join(LIB, folder, file), join(dir, folder, file));
  }
  const rtp = 20000 + Math.floor(Math.random() * 400) * 100;
  writeFileSync(
    join(dir, "janus.jcfg"),
    `general: { configs_folder = "${dir}" plugins_folder = "${dir}/plugins" transports_folder = "${dir}/transports" events_folder = "${dir}/none" loggers_folder = "${dir}/none" debug_level = 4 session_timeout = 60 }
media: { rtp_port_range = "${rtp}-${rtp + 99}" }
nat: { ice_enforce_list = "${ice}" nice_debug = false ignore_mdns = true }
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
      if (process.env.JANUS_LOG) process.stderr.write(chunk);
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
