import net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { CloseCode } from "../../core/protocol";
import { RepeatFilter, REPEAT_WINDOW_MS } from "../../server/quietLog";
import { bootApp, facilitator, join, joinOptions, session, sleep, type Booted } from "./harness";

/**
 * What reaches the server's log when people send it broken things before (or while) joining a
 * circle: at most one quiet line per kind of trouble — what went wrong, never a stack trace, a
 * pseudonym or an address — and the server goes on serving.
 */
let b: Booted;
let code = "";
let printed: string[] = [];
const PSEUDONYM = "Zanzibar Heron";

beforeAll(async () => {
  b = await bootApp();
  const f = await facilitator(b);
  code = session(b, f.id).code;
  await join(b, code, "Facilitator", { token: f.token });
});
afterAll(async () => {
  await b.stop();
});
beforeEach(() => {
  printed = [];
  for (const k of ["log", "error", "warn", "info", "debug", "trace"] as const) {
    vi.spyOn(console, k).mockImplementation((...a: unknown[]) => void printed.push(a.map((x) => (x instanceof Error ? (x.stack ?? String(x)) : String(x))).join(" ")));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

const STACK = /^\s*at |\n\s+at /m;

/** A seat reservation from matchmaking, as the SDK gets it before opening its socket. */
async function reserve(): Promise<{ sessionId: string; roomId: string; processId: string }> {
  const res = await fetch(`${b.url}/matchmake/joinOrCreate/circle`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(joinOptions(code, PSEUDONYM)),
  });
  return (await res.json()) as { sessionId: string; roomId: string; processId: string };
}

/** Open a socket to `path`, write `bytes` raw as soon as it is open, resolve with the close code. */
function garbage(path: string, bytes: number[], when: "open" | "upgrade" = "open"): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}${path}`);
    const timer = setTimeout(() => (ws.terminate(), resolve(-1)), 3000);
    // On "upgrade" the client's socket is not the WebSocket's yet: write to it straight away, racing the join.
    if (when === "upgrade") ws.on("upgrade", (res) => void res.socket.write(Buffer.from(bytes)));
    else ws.on("open", () => void (ws as unknown as { _socket: net.Socket })._socket.write(Buffer.from(bytes)));
    ws.on("close", (c) => (clearTimeout(timer), resolve(c)));
    ws.on("error", () => {});
  });
}

/** Bytes on a raw TCP connection; resolves when the server closes it. */
function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = "";
    const s = net.connect(b.port, "127.0.0.1", () => s.write(text));
    s.on("data", (d) => (answer += d.toString()));
    s.on("close", () => resolve(answer));
    s.on("error", () => resolve(answer));
    setTimeout(() => (s.destroy(), resolve(answer)), 3000);
  });
}

/** A frame with reserved bits set: never valid. */
const BAD_FRAME = [0xff, 0x80, 1, 2, 3, 4, 5];
/** A close frame with status 999 (not allowed on the wire). */
const BAD_CLOSE = [0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe7];

function expectQuiet(maxLines: number): void {
  const lines = printed.filter((l) => !l.startsWith("@colyseus/sdk"));
  expect(lines.length, lines.join("\n")).toBeLessThanOrEqual(maxLines);
  for (const line of lines) {
    expect(line).not.toMatch(STACK);
    expect(line).not.toContain("\n");
    expect(line).not.toContain(PSEUDONYM);
    expect(line).not.toContain("127.0.0.1");
    expect(line).not.toMatch(/node_modules|\/work\/|file:\/\//);
  }
}

it("a broken frame on a socket that has not joined (a bare socket, a made-up seat): one line, no stack", async () => {
  expect(await garbage("/", BAD_FRAME)).toBe(1002);
  const r = await reserve();
  expect(await garbage(`/${r.processId}/${r.roomId}?sessionId=madeup`, BAD_CLOSE)).not.toBe(-1);
  await sleep(200);
  expectQuiet(2);
  expect(printed.some((l) => l.includes("websocket closed before joining"))).toBe(true);
});

it("the same trouble over and over is one line, not one per socket", async () => {
  for (let i = 0; i < 20; i++) await garbage("/", BAD_FRAME);
  await sleep(200);
  expectQuiet(1);
});

it("a bad handshake, garbage instead of HTTP, or a socket closed in the middle of joining: nothing printed, seat not kept", async () => {
  const r = await reserve();
  const path = `/${r.processId}/${r.roomId}?sessionId=${r.sessionId}`;
  expect(await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
  expect(await raw("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
  // Upgraded, then gone before the join completes.
  await new Promise<void>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}${path}`);
    ws.on("upgrade", (res) => res.socket.destroy());
    ws.on("close", () => resolve());
    ws.on("error", () => {});
  });
  // A broken frame sent the moment the socket opens, racing the join.
  const r2 = await reserve();
  await garbage(`/${r2.processId}/${r2.roomId}?sessionId=${r2.sessionId}`, BAD_FRAME, "upgrade");
  await sleep(300);
  expectQuiet(1);
  const room = b.app.live.get(code)!;
  expect([...room.state.participants.values()].map((p) => p.pseudonym)).toEqual(["Facilitator"]);
});

it("a frame that is not MessagePack from someone in the circle: closed 4002, at most one line, no stack or payload", async () => {
  const person = await join(b, code, PSEUDONYM);
  const closed = new Promise<number>((resolve) => person.onLeave((c: number) => resolve(c)));
  // ROOM_DATA (13), type "chat", then bytes that are not MessagePack but spell the pseudonym.
  const text = Buffer.from(PSEUDONYM);
  (person.connection as unknown as { send(d: Uint8Array): void }).send(new Uint8Array([13, 0xa4, 0x63, 0x68, 0x61, 0x74, 0xc1, ...text]));
  expect(await closed).toBe(CloseCode.WITH_ERROR);
  await sleep(200);
  expectQuiet(1);
});

it("asking over and over to reconnect to made-up rooms, with long names and bad tokens: at most one line, none of what was asked", async () => {
  const r = await reserve();
  const asks = [
    ...Array.from({ length: 10 }, (_, i) => `/matchmake/reconnect/${"x".repeat(5000)}${i}`),
    ...Array.from({ length: 10 }, (_, i) => `/matchmake/reconnect/${r.roomId}?n=${i}`),
  ];
  for (const path of asks) {
    const res = await fetch(`${b.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ reconnectionToken: `${r.roomId}:forged${PSEUDONYM}` }) });
    expect(res.status).toBeGreaterThanOrEqual(400);
  }
  await sleep(200);
  expectQuiet(2);
  for (const line of printed) {
    expect(line).not.toContain("xxxxxxxxxx");
    expect(line.length).toBeLessThan(300);
  }
});

it("the server still serves: a person joins and is seated", async () => {
  const person = await join(b, code, "Still Here");
  expect(person.state.participants.size).toBeGreaterThanOrEqual(2);
  await person.leave();
});

it("RepeatFilter: one line per minute for the same trouble, then how many were held back", () => {
  const lines: string[] = [];
  let t = 0;
  const f = new RepeatFilter((l) => lines.push(l), () => t);
  for (let i = 0; i < 5; i++) f.note("a");
  f.note("b");
  t = REPEAT_WINDOW_MS + 1;
  f.note("a");
  expect(lines).toEqual(["a", "b", "a (4 more like it in the last minute)"]);
});
