import { describe, expect, it } from "vitest";
import { describeDuration } from "../../../client/ui/screens/change";

describe("describeDuration", () => {
  it.each([
    [0, "under a second"],
    [400, "under a second"],
    [600, "1 s"],
    [22_000, "22 s"],
    [60_000, "1 min"],
    [125_000, "2 min 5 s"],
  ])("%i ms reads %s", (ms, words) => {
    expect(describeDuration(ms)).toBe(words);
  });
});
