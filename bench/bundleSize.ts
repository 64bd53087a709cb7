// Initial JavaScript a visitor downloads before the calm space can start (gzip), versus what loads lazily.
// Builds the production client into a temporary folder and follows index.html's script and modulepreload tags.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { machine, writeBenchmark } from "./report";

const ROOT = join(import.meta.dirname, "..");
const AIM_KB = 400;
const out = mkdtempSync(join(tmpdir(), "breathing-room-bundle-"));
try {
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn", build: { outDir: out, emptyOutDir: true } });
  const html = readFileSync(join(out, "index.html"), "utf8");
  const initial = new Set<string>();
  for (const m of html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)) initial.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*href="\/?([^"]+\.js)"[^>]*rel="modulepreload"/g)) initial.add(m[1]!);
  const all = readdirSync(join(out, "assets")).filter((f) => f.endsWith(".js"));
  const gz = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
  const initialBytes = [...initial].reduce((sum, f) => sum + gz(f), 0);
  const lazy = all.filter((f) => !initial.has(`assets/${f}`));
  const lazyRows = lazy
    .map((f) => ({ f, kb: gz(join("assets", f)) / 1024 }))
    .sort((a, b) => b.kb - a.kb)
    .slice(0, 8)
    .map(({ f, kb }) => `| ${f.replace(/-[\w-]{8}\.js$/, ".js")} | ${kb.toFixed(1)} KB |`);
  const initialKb = initialBytes / 1024;
  console.log(`initial JS (gzip): ${initialKb.toFixed(1)} KB in ${initial.size} file(s); ${lazy.length} lazy chunks`);
  writeBenchmark(
    "Calm space",
    "Initial JavaScript (gzip)",
    `Command: \`npm run bench -- bundleSize\` (${machine()})

Production build; gzip level 9 of every script index.html loads or preloads. Aim: ≤ ${AIM_KB} KB.

**${initialKb.toFixed(1)} KB** in ${initial.size} file(s) — ${initialKb <= AIM_KB ? "within" : "over"} the aim.

Largest lazy chunks (loaded only when needed):

| chunk | gzip |
| --- | --- |
${lazyRows.join("\n")}`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
