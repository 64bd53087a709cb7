import { describe, expect, it } from "vitest";
import { CRISIS_REGIONS, GROUP_AGREEMENT, INTERNATIONAL, NOT_THERAPY_NOTICE, crisisRegion, nextCrisisRegion, regionFromLocale } from "../../../core/care";

describe("crisis resources", () => {
  it("every region names an emergency number and at least one line someone can reach", () => {
    for (const r of CRISIS_REGIONS) {
      expect(r.emergency).toMatch(/\d/);
      expect(r.lines.length).toBeGreaterThan(0);
      for (const line of r.lines) expect(line.phone ?? line.text ?? line.web).toBeTruthy();
    }
  });

  it("region codes are unique", () => {
    const codes = CRISIS_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    ["US", "911"],
    ["gb", "999"],
    ["AU", "000"],
  ])("%s gives its own emergency number", (code, emergency) => {
    expect(crisisRegion(code).emergency).toBe(emergency);
  });

  it("steps through every region and back to the start", () => {
    const seen: string[] = [];
    let code = INTERNATIONAL.code;
    for (let i = 0; i < CRISIS_REGIONS.length; i++) {
      code = nextCrisisRegion(code).code;
      seen.push(code);
    }
    expect(new Set(seen).size).toBe(CRISIS_REGIONS.length);
    expect(code).toBe(INTERNATIONAL.code);
    expect(nextCrisisRegion("ZZ")).toBe(CRISIS_REGIONS[1]);
  });

  it("falls back to the international directory", () => {
    expect(crisisRegion("ZZ")).toBe(INTERNATIONAL);
    expect(crisisRegion(undefined)).toBe(INTERNATIONAL);
  });

  it.each([
    ["en-GB", "GB"],
    ["en_US", "US"],
    ["zh-Hant-TW", "TW"],
    ["fr", undefined],
    [undefined, undefined],
  ])("reads the region of %s", (locale, region) => {
    expect(regionFromLocale(locale)).toBe(region);
  });

  it("states plainly that this is not therapy or a crisis service", () => {
    expect(NOT_THERAPY_NOTICE).toMatch(/not therapy/);
    expect(NOT_THERAPY_NOTICE).toMatch(/not a crisis service/);
    expect(GROUP_AGREEMENT.join(" ")).toMatch(/pseudonym/);
  });
});
