import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENVIRONMENT_IDS } from "../../core/environments";
import { bootApp, circle, facilitator, sleep, until, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

async function call(method: string, url: string, token: string, body?: unknown) {
  const res = await fetch(`${b.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("a session's environment is one of the calm environments", () => {
  it.each(ENVIRONMENT_IDS.map((id) => [id]))("a session can be created in %s", async (environment) => {
    const f = await facilitator(b);
    const r = await call("POST", "/api/sessions", f.apiToken, { title: "Circle", environment });
    expect(r).toMatchObject({ status: 201, body: { environment } });
  });

  it("a new session without one starts on the shore", async () => {
    const f = await facilitator(b);
    expect((await call("POST", "/api/sessions", f.apiToken, { title: "Circle" })).body.environment).toBe("shore");
  });

  it.each([["desert"], ["Forest"], ["forest-dawn"], [""], ["toString"]])("%j is refused on create and on edit, and nothing changes", async (environment) => {
    const f = await facilitator(b);
    expect((await call("POST", "/api/sessions", f.apiToken, { title: "Circle", environment })).status).toBe(400);
    expect((await call("GET", "/api/sessions", f.apiToken)).body.sessions).toEqual([]);
    const made = await call("POST", "/api/sessions", f.apiToken, { title: "Circle", environment: "night" });
    const edit = await call("PATCH", `/api/sessions/${made.body.id as string}`, f.apiToken, { environment });
    expect(edit).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect((await call("GET", `/api/sessions/${made.body.id as string}`, f.apiToken)).body.environment).toBe("night");
  });
});

describe("changing the environment in a live circle", () => {
  it("the facilitator's change reaches everyone and is kept on the session", async () => {
    const { lead, people: [p], s } = await circle(b, 1);
    lead.send("setEnvironment", { environment: "forest" });
    await until(() => p!.state.session.environment === "forest", 2000, "participant sees the forest");
    expect(b.app.store.sessions.byId(s.id)?.environment).toBe("forest");
  });

  it("an unknown environment is rejected at the door: the circle keeps its scene", async () => {
    const { lead, people: [p], s } = await circle(b, 1);
    lead.reconnection.enabled = false;
    const closed = new Promise<number>((resolve) => lead.onLeave((c: number) => resolve(c)));
    lead.send("setEnvironment", { environment: "desert" } as never);
    expect(await closed).toBe(4002);
    await sleep(100);
    expect(p!.state.session.environment).toBe("shore");
    expect(b.app.store.sessions.byId(s.id)?.environment).toBe("shore");
  });
});
