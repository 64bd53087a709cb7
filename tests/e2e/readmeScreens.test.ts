import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README's "Group room" steps each point at a screenshot the browser tests leave under
 * test-results/e2e/ (not committed). Every name it cites must be one a browser test writes, so a
 * renamed or dropped screenshot cannot leave the README pointing at nothing.
 */
const ROOT = join(import.meta.dirname, "../..");

describe("the README's group-room screenshots", () => {
  it("are each written by a browser test", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Group room"), readme.indexOf("### Facilitating"));
    const cited = [...section.matchAll(/`([a-z0-9-]+)\.png`/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThan(20);
    const tests = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith(".ts") && f !== "readmeScreens.test.ts")
      .map((f) => readFileSync(join(import.meta.dirname, f), "utf8"))
      .join("\n");
    // A shot is named as `shot(page, "name")` or written to `"name.png"`.
    const missing = cited.filter((name) => !tests.includes(`"${name}"`) && !tests.includes(`"${name}.png"`));
    expect(missing).toEqual([]);
  });
});
