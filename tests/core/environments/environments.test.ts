import { describe, expect, it } from "vitest";
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_IDS, ENVIRONMENT_NAMES, isEnvironmentId } from "../../../core/environments";

describe("environments", () => {
  it("every environment has a distinct, non-empty display name", () => {
    const names = ENVIRONMENT_IDS.map((id) => ENVIRONMENT_NAMES[id]);
    expect(names).toEqual(["Shoreline at dusk", "Forest clearing", "Night sky"]);
    expect(Object.keys(ENVIRONMENT_NAMES).sort()).toEqual([...ENVIRONMENT_IDS].sort());
  });

  it("the default is one of them", () => {
    expect(isEnvironmentId(DEFAULT_ENVIRONMENT)).toBe(true);
  });

  it.each([
    ["shore", true],
    ["forest", true],
    ["night", true],
    ["Forest", false],
    ["forest-dawn", false],
    ["", false],
    ["toString", false],
    [3, false],
    [null, false],
    [undefined, false],
  ])("isEnvironmentId(%j) is %s", (value, expected) => {
    expect(isEnvironmentId(value)).toBe(expected);
  });
});
