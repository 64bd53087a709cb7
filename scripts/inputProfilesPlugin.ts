import { cpSync, createReadStream, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize, resolve } from "node:path";
import type { Plugin } from "vite";

/**
 * Controller and hand models are fetched from a CDN by default. We serve the
 * few profiles a headset needs from the @webxr-input-profiles/assets package
 * under /input-profiles/, so the app never talks to a third-party origin.
 */
export const INPUT_PROFILE_IDS = [
  "generic-trigger",
  "generic-trigger-squeeze",
  "generic-trigger-squeeze-thumbstick",
  "generic-hand",
  "meta-quest-touch-plus",
  "meta-quest-touch-pro",
  "oculus-touch-v3",
  "oculus-touch-v2",
  "oculus-touch",
] as const;

const URL_BASE = "/input-profiles/";

function profilesRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@webxr-input-profiles/assets/package.json")), "dist", "profiles");
}

function isServed(relative: string): boolean {
  if (relative === "profilesList.json") return true;
  return INPUT_PROFILE_IDS.some((id) => relative.startsWith(`${id}/`));
}

export function inputProfiles(): Plugin {
  let outDir = "";
  return {
    name: "breathing-room:input-profiles",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      const root = profilesRoot();
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split("?")[0] ?? "";
        if (!url.startsWith(URL_BASE)) return next();
        const relative = normalize(decodeURIComponent(url.slice(URL_BASE.length)));
        const file = join(root, relative);
        if (!isServed(relative) || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader("Content-Type", file.endsWith(".json") ? "application/json" : "model/gltf-binary");
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      const root = profilesRoot();
      const target = join(outDir, "input-profiles");
      cpSync(join(root, "profilesList.json"), join(target, "profilesList.json"));
      for (const id of INPUT_PROFILE_IDS) {
        if (existsSync(join(root, id))) cpSync(join(root, id), join(target, id), { recursive: true });
      }
    },
  };
}
