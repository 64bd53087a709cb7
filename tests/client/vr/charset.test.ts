import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CRISIS_REGIONS, INTERNATIONAL, NOT_THERAPY_NOTICE } from "../../../core/care";
import { ENVIRONMENT_NAMES } from "../../../core/environments";
import { EXERCISES, exerciseName } from "../../../core/exercises";
import { MSDF_CHARSET } from "../../../client/ui/vr/kit/charset";

/** Every string from core/ that a headset shows: lines for every region, every exercise's words. */
function shownInVr(): string[] {
  const out: string[] = [NOT_THERAPY_NOTICE, ...Object.values(ENVIRONMENT_NAMES)];
  for (const region of [INTERNATIONAL, ...CRISIS_REGIONS]) {
    out.push(region.name, region.emergency);
    for (const line of region.lines) out.push(line.name, line.hours, line.phone ?? "", line.text ?? "", line.web ?? "");
  }
  for (const exercise of EXERCISES) {
    const about = exercise.kind === "breathing" ? exercise.pattern : exercise.script;
    out.push(exerciseName(exercise), about.summary, about.evidence.source, ...about.cautions);
    if (exercise.kind === "guided") out.push(...exercise.script.steps.map((s) => s.caption));
  }
  return out;
}

describe("in-VR font atlas", () => {
  it("has a glyph for every character of every crisis line and exercise", () => {
    const missing = new Set([...shownInVr().join("")].filter((c) => c !== "\n" && !MSDF_CHARSET.includes(c)));
    expect([...missing]).toEqual([]);
  });

  it("was generated from the current character set, in both weights", () => {
    for (const weight of [400, 700]) {
      const atlas = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../assets/fonts/msdf/atkinson-hyperlegible-${weight}.json`), "utf8")) as {
        chars: { char: string }[];
      };
      expect(new Set(atlas.chars.map((c) => c.char))).toEqual(new Set(MSDF_CHARSET));
    }
  });
});
