import { describe, expect, it } from "vitest";
import { ServerClock, estimateOffset, sampleOffset, type ClockSample } from "../../../core/clock";

describe("sampleOffset", () => {
  it.each<[string, ClockSample, number, number]>([
    ["symmetric, server ahead 1000", { t0: 0, t1: 1010, t2: 20 }, 1000, 20],
    ["symmetric, server behind 500", { t0: 1000, t1: 520, t2: 1040 }, -500, 40],
    ["zero latency", { t0: 5, t1: 5, t2: 5 }, 0, 0],
  ])("%s", (_name, s, offset, rtt) => {
    expect(sampleOffset(s)).toEqual({ offset, rtt });
  });
});

describe("estimateOffset", () => {
  it.each<[string, ClockSample[], number | null]>([
    ["no samples", [], null],
    ["only invalid samples", [{ t0: 10, t1: 0, t2: 5 }, { t0: Number.NaN, t1: 0, t2: 1 }], null],
    [
      "keeps the lowest-RTT samples: one slow asymmetric reply is ignored",
      [
        { t0: 0, t1: 1010, t2: 20 },
        { t0: 100, t1: 1300, t2: 500 }, // rtt 400, reply delayed: offset estimate 1000 off by +100
        { t0: 200, t1: 1211, t2: 222 },
        { t0: 300, t1: 1309, t2: 318 },
      ],
      1000,
    ],
    [
      "a sample that contradicts the others (a 50 ms wrong stamp) is outvoted",
      [
        { t0: 0, t1: 1010, t2: 20 },
        { t0: 100, t1: 1110, t2: 120 },
        { t0: 200, t1: 1260, t2: 220 }, // same rtt, 50 ms off
      ],
      1000,
    ],
    [
      "delays on different legs pin the offset tighter than either sample (each alone is 100 ms off)",
      [
        { t0: 0, t1: 1200, t2: 200 }, // the request took 200 ms, the reply none
        { t0: 1000, t1: 2000, t2: 1200 }, // the request none, the reply 200 ms
      ],
      1000,
    ],
  ])("%s", (_name, samples, expected) => {
    const est = estimateOffset(samples);
    if (expected === null) expect(est).toBeNull();
    else expect(est!.offset).toBeCloseTo(expected, 0);
  });

  it("says how far off the estimate can be: half the range the samples agree on", () => {
    expect(estimateOffset([{ t0: 0, t1: 1010, t2: 20 }])!.bound).toBe(10);
    expect(estimateOffset([{ t0: 0, t1: 1200, t2: 200 }, { t0: 1000, t1: 2000, t2: 1200 }])!.bound).toBe(0);
  });
});

describe("ServerClock", () => {
  it("maps local time to server time and drops old samples past its window", () => {
    const clock = new ServerClock(3);
    expect(clock.synced).toBe(false);
    clock.add({ t0: 0, t1: 5010, t2: 20 }); // offset 5000, rtt 20
    expect(clock.serverNow(100)).toBe(5100);
    clock.add({ t0: 100, t1: 100, t2: 101 }); // the clock jumped: offset -0.5, rtt 1
    expect(clock.offset).toBeCloseTo(-0.5, 5);
    expect(clock.rtt).toBe(1);
    clock.add({ t0: 0, t1: 0, t2: Number.NaN }); // ignored
    expect(clock.offset).toBeCloseTo(-0.5, 5);
  });

  it("converges within 10 ms of the true offset under jittery one-way delays", () => {
    const trueOffset = 123_456;
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const clock = new ServerClock(8);
    let t = 0;
    for (let i = 0; i < 8; i++) {
      const up = 5 + rand() * 60;
      const down = 5 + rand() * 60;
      clock.add({ t0: t, t1: t + up + trueOffset, t2: t + up + down });
      t += 500;
    }
    expect(Math.abs(clock.offset - trueOffset)).toBeLessThan(10 + clock.rtt / 2);
  });
});
