import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOM_NAME } from "../../core/protocol";
import { MATCHMAKE_MAX_CONCURRENT } from "../../server/http/requestGuard";
import { bootApp, circle, joinOptions, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

const MiB = 1024 * 1024;

interface Upload {
  status: number | "reset";
  /** bytes the client managed to hand to the socket before the answer (or the reset) */
  sent: number;
  ms: number;
}

/**
 * POST `total` bytes to `path` in 1 MiB chunks, declared up front or chunked, stopping as soon as
 * the server answers or drops the connection.
 */
function upload(path: string, total: number, declare: boolean): Promise<Upload> {
  return new Promise((resolve) => {
    const started = Date.now();
    let sent = 0;
    let settled = false;
    const finish = (status: Upload["status"]) => {
      if (settled) return;
      settled = true;
      resolve({ status, sent, ms: Date.now() - started });
      req.destroy();
    };
    const req = http.request(`${b.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(declare ? { "content-length": String(total) } : {}) },
    });
    req.on("response", (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
    });
    req.on("error", () => finish("reset"));
    const chunk = Buffer.alloc(MiB, 0x20);
    const pump = () => {
      while (!settled && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

describe("matchmaking bodies are capped before Colyseus reads them", () => {
  for (const declare of [true, false]) {
    it(`a 64 MiB body (${declare ? "declared" : "chunked"}) is refused with 413 at once, and the server stops reading it`, async () => {
      const r = await upload(`/matchmake/joinOrCreate/${ROOM_NAME}`, 64 * MiB, declare);
      expect(r.status === 413 || (r.status === "reset" && !declare)).toBe(true);
      expect(r.ms).toBeLessThan(2000);
      // The client can only hand over what the server read plus what the sockets buffer: a server
      // that went on reading (or buffering) the body would have taken all 64 MiB. The process's own
      // RSS is no measure here: the sending client lives in the same process.
      expect(r.sent).toBeLessThanOrEqual(8 * MiB);
    });
  }

  it("every matchmaking route is capped, not only joinOrCreate", async () => {
    for (const path of ["/matchmake/create/circle", "/matchmake/join/circle", "/matchmake/joinById/abc", "/matchmake/reconnect/abc", "/matchmake/x/y"]) {
      const r = await upload(path, 8 * MiB, true);
      expect(r.status, path).toBe(413);
    }
  });

  it("a body just under the cap still reaches matchmaking (and gets its normal answer)", async () => {
    const res = await fetch(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...joinOptions("AAA-AAA-AAA", "x"), pad: "y".repeat(3000) }),
    });
    expect(res.status).toBe(400); // extra field: INVALID_OPTIONS from onAuth, not a size refusal
  });

  it("people still join through the guard", async () => {
    const { lead, people } = await circle(b, 2);
    expect(lead.state.participants.size).toBe(3);
    for (const p of [lead, ...people]) await p.leave();
  });
});

describe("matchmaking requests in flight per address", () => {
  it(`past ${MATCHMAKE_MAX_CONCURRENT} unfinished requests from one address, the next is refused with 429 at once`, async () => {
    const slow: http.ClientRequest[] = [];
    try {
      for (let i = 0; i < MATCHMAKE_MAX_CONCURRENT; i++) {
        const req = http.request(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": "100" },
          agent: false,
        });
        req.on("error", () => {});
        req.write("{");
        slow.push(req);
      }
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const res = await fetch(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(joinOptions("AAA-AAA-AAA", "x")),
        signal: AbortSignal.timeout(3000),
      });
      expect(res.status).toBe(429);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      for (const req of slow) req.destroy();
    }
    // Once those are gone, the address may matchmake again.
    await new Promise((r) => setTimeout(r, 100));
    const again = await fetch(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(joinOptions("AAA-AAA-AAA", "x")),
    });
    expect(again.status).toBe(404);
  });

  it("X-Forwarded-For does not make a new address", async () => {
    const slow: http.ClientRequest[] = [];
    try {
      for (let i = 0; i < MATCHMAKE_MAX_CONCURRENT; i++) {
        const req = http.request(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": "100", "x-forwarded-for": `10.0.0.${i}` },
          agent: false,
        });
        req.on("error", () => {});
        req.write("{");
        slow.push(req);
      }
      await new Promise((r) => setTimeout(r, 200));
      const res = await fetch(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" },
        body: "{}",
        signal: AbortSignal.timeout(3000),
      });
      expect(res.status).toBe(429);
    } finally {
      for (const req of slow) req.destroy();
    }
  });
});

describe("security headers on every response", () => {
  it("CSP and friends on /matchmake, /api, the Colyseus health check and unknown paths", async () => {
    const answers = [
      await fetch(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      await fetch(`${b.url}/matchmake/joinOrCreate/${ROOM_NAME}`, { method: "OPTIONS" }),
      await fetch(`${b.url}/api/nothing`),
      await fetch(`${b.url}/__healthcheck`),
      await fetch(`${b.url}/no/such/thing`),
    ];
    for (const res of answers) {
      expect(res.headers.get("content-security-policy"), res.url).toMatch(/default-src '(self|none)'/);
      expect(res.headers.get("x-content-type-options"), res.url).toBe("nosniff");
      // plain HTTP: no HSTS (it is only sent over HTTPS with a certificate of one's own)
      expect(res.headers.get("strict-transport-security"), res.url).toBeNull();
      await res.arrayBuffer();
    }
  });
});
