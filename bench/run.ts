// Runs one benchmark by name: `npm run bench -- <name>` runs bench/<name>.ts.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = import.meta.dirname;
const name = process.argv[2];
/** Modules here that are not benchmarks. */
const NOT_BENCHMARKS = new Set(["run", "report"]);
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((n) => !NOT_BENCHMARKS.has(n));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(", ")}`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(join(dir, `${name}.ts`)).href);
