import { afterAll, beforeAll, expect, it } from "vitest";
import { bootApp, circle, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

it("boots and seats a facilitator and two participants", async () => {
  const { lead, people } = await circle(b, 2);
  expect(lead.state.participants.get(lead.sessionId)?.role).toBe("facilitator");
  expect(people[0]!.state.participants.get(people[0]!.sessionId)?.role).toBe("participant");
});
