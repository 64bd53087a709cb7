import fs from "node:fs";
import path from "node:path";

/** Newest modification time (ms) of any file under `dir`, skipping node_modules; bounded walk. */
function newestMtime(dir: string, budget = { files: 20_000 }): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (budget.files-- <= 0) break;
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p, budget) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether dist/client/index.html is missing or older than anything under client/ or core/. */
export function clientBuildIsStale(root: string): boolean {
  const index = path.join(root, "dist", "client", "index.html");
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return Math.max(newestMtime(path.join(root, "client")), newestMtime(path.join(root, "core"))) > built;
}

/** Build the client with the project's vite.config.ts if it is stale. */
export async function ensureClientBuilt(root: string): Promise<void> {
  if (!clientBuildIsStale(root)) return;
  console.log("Building the client (dist/client is missing or older than client/ or core/)…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "vite.config.ts"), root: path.join(root, "client"), logLevel: "warn" });
}
