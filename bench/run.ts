// Runs one benchmark by name: `npm run bench -- <name>` runs bench/<name>.ts.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = import.meta.dirname;
const name = process.argv[2];
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !["run.ts", "report.ts"].includes(f))
  .map((f) => f.replace(/\.ts$/, ""));

if (!name || !existsSync(join(dir, `${name}.ts`)) || name === "run" || name === "report") {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(", ")}`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(join(dir, `${name}.ts`)).href);
