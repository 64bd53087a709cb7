import { describe, expect, it } from "vitest";
import { CHAT_HISTORY } from "../../core/protocol";
import { ChatLog, maskAbuse } from "../../server/rooms/ChatLog";

describe("ChatLog", () => {
  it(`keeps only the last ${CHAT_HISTORY} messages`, () => {
    const log = new ChatLog();
    const ids = Array.from({ length: CHAT_HISTORY + 5 }, (_, i) => log.add("a", `line ${i}`).id);
    expect(log.find(ids[0]!)).toBeUndefined();
    expect(log.find(ids[4]!)).toBeUndefined();
    expect(log.find(ids[5]!)?.text).toBe("line 5");
    expect(log.delete(ids[0]!)).toBe(false);
    expect(log.delete(ids[6]!)).toBe(true);
    expect(log.find(ids[6]!)).toBeUndefined();
  });

  it("slow mode: too soon until the seconds have passed since the person's last message", () => {
    let now = 1000;
    const log = new ChatLog(() => now);
    expect(log.tooSoon("a", 15)).toBe(false);
    log.add("a", "hi");
    now += 14_000;
    expect(log.tooSoon("a", 15)).toBe(true);
    expect(log.tooSoon("b", 15)).toBe(false);
    expect(log.tooSoon("a", 0)).toBe(false);
    now += 1000;
    expect(log.tooSoon("a", 15)).toBe(false);
  });

  it("gives someone back what arrived after their connection dropped, once", () => {
    const log = new ChatLog();
    log.add("a", "before");
    log.dropped("b");
    const missed = log.add("a", "while away");
    expect(log.missed("b")).toEqual([missed]);
    expect(log.missed("b")).toEqual([]);
    expect(log.missed("c")).toEqual([]);
  });

  it.each([
    ["you are a fucking idiot", "you are a ****ing idiot"],
    ["sh1t happens", "**** happens"],
    ["ＦＵＣＫ this", "**** this"],
    ["thank you all", "thank you all"],
    ["Scunthorpe is a town", "Scunthorpe is a town"],
    ["I feel so helpless", "I feel so helpless"],
  ])("masks abuse: %j → %j", (text, shown) => {
    expect(maskAbuse(text)).toBe(shown);
  });
});
