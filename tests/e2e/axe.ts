import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Accessibility problems axe-core finds on the page as it is now (WCAG 2.1 A/AA and best practice),
 * one line each: rule, help text and the elements. Injected through the DevTools protocol, so the
 * app's Content-Security-Policy stays as strict as in production.
 */
export async function accessibilityProblems(page: Page, { impacts }: { impacts?: readonly string[] } = {}): Promise<string[]> {
  // Once per document: axe is half a megabyte of script to parse again on every scan.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Rule = { id: string; help: string; impact?: string | null; nodes: Array<{ target: string[] }> };
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return { passed: result.passes.length, found: result.violations.map((v) => ({ id: v.id, help: v.help, impact: v.impact ?? "", nodes: v.nodes.map((n) => n.target.join(" ")) })) };
  });
  // A scan that checked nothing would read as a clean page.
  if (violations.passed < 10) throw new Error(`axe checked only ${violations.passed} rules`);
  return violations.found.filter((v) => !impacts || impacts.includes(v.impact)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(", ")}`);
}
