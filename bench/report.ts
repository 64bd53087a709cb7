import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";

const FILE = join(import.meta.dirname, "..", "BENCHMARKS.md");

/** A short description of the machine a figure was measured on. */
export function machine(): string {
  return `${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/**
 * Replace (or append) one `### title` block inside a `## section` of BENCHMARKS.md,
 * leaving every other figure as it was.
 */
export function writeBenchmark(section: string, title: string, body: string): void {
  let text = existsSync(FILE) ? readFileSync(FILE, "utf8") : "# Benchmarks\n";
  const sectionHead = `## ${section}`;
  if (!text.includes(`\n${sectionHead}\n`)) text = `${text.trimEnd()}\n\n${sectionHead}\n`;
  const start = text.indexOf(`\n${sectionHead}\n`) + sectionHead.length + 2;
  const nextSection = text.indexOf("\n## ", start);
  const end = nextSection === -1 ? text.length : nextSection;
  let block = text.slice(start, end);
  const head = `### ${title}`;
  const entry = `${head}\n\n${body.trim()}\n`;
  // The whole heading line: "### People per server core" is not "### People per server core: …".
  const inside = block.indexOf(`\n${head}\n`);
  const at = block.startsWith(`${head}\n`) ? 0 : inside === -1 ? -1 : inside + 1;
  if (at === -1) {
    block = `${block.trimEnd()}\n\n${entry}`;
  } else {
    const next = block.indexOf("\n### ", at + head.length);
    block = block.slice(0, at) + entry + (next === -1 ? "" : block.slice(next));
  }
  text = text.slice(0, start) + `${block.trim()}\n` + text.slice(end);
  writeFileSync(FILE, `${text.trimEnd()}\n`);
}
