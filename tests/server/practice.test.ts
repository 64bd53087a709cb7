import { afterAll, beforeAll, expect, it } from "vitest";
import { getPattern, phaseAt } from "../../core/breathing";
import { ServerClock } from "../../core/clock";
import { PRACTICE_LEAD_MS } from "../../core/protocol";
import { bootApp, circle, sleep, until, type Booted, type Joined } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

/** A client whose local clock is off by `skewMs` syncs to the server with `time` pings. */
async function sync(room: Joined, skewMs: number): Promise<{ clock: ServerClock; local: () => number }> {
  const local = () => performance.now() + performance.timeOrigin + skewMs;
  const clock = new ServerClock(8);
  // 8 round trips, keeping the best 3: a busy CI machine delays some replies, not all.
  for (let i = 0; i < 8; i++) {
    const reply = room.waitForMessage("time", 2000) as Promise<{ t0: number; t1: number }>;
    room.send("time", { t0: local() });
    const { t0, t1 } = await reply;
    clock.add({ t0, t1, t2: local() });
    await sleep(15);
  }
  return { clock, local };
}

it("two clients with clocks 7 s apart compute the same breathing phase within 10 ms", async () => {
  const { lead, people: [a, c] } = await circle(b, 2);
  const before = Date.now();
  lead.send("startPractice", { patternId: "box", cycles: 3 });
  await until(() => a!.state.practice.running && c!.state.practice.running, 2000, "practice visible");
  const { patternId, startedAt, cycles } = a!.state.practice;
  expect(patternId).toBe("box");
  expect(startedAt).toBeGreaterThan(before + PRACTICE_LEAD_MS - 1000);

  const A = await sync(a!, +5000);
  const C = await sync(c!, -2000);
  const pattern = getPattern("box");
  for (let i = 0; i < 5; i++) {
    // The same real instant, read through each client's skewed clock and its offset estimate.
    const elapsedA = A.clock.serverNow(A.local()) - startedAt;
    const elapsedC = C.clock.serverNow(C.local()) - startedAt;
    expect(Math.abs(elapsedA - elapsedC)).toBeLessThan(10);
    const pa = phaseAt(pattern, elapsedA, cycles);
    const pc = phaseAt(pattern, elapsedC, cycles);
    if (pa.remainingMs > 10 && pc.remainingMs > 10) {
      // Away from a step boundary both pacers show the same step at the same progress.
      expect(pc.stepIndex).toBe(pa.stepIndex);
      expect(Math.abs(pa.progress - pc.progress) * pattern.steps[pa.stepIndex]!.ms).toBeLessThan(10);
    }
    await sleep(30);
  }
});

it("stopPractice stops it for everyone; a new start replaces the old one", async () => {
  const { lead, people: [a] } = await circle(b, 1);
  lead.send("startPractice", { patternId: "478", cycles: 2 });
  await until(() => a!.state.practice.running && a!.state.practice.patternId === "478", 2000, "started");
  lead.send("startPractice", { patternId: "resonance", cycles: 1 });
  await until(() => a!.state.practice.patternId === "resonance", 2000, "replaced");
  lead.send("stopPractice");
  await until(() => !a!.state.practice.running, 2000, "stopped");
});
