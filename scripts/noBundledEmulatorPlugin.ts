import type { Plugin } from "vite";

const STUB = "\0breathing-room:no-xr-emulate";

/**
 * @react-three/xr can install its own emulator (with sample rooms of several MB)
 * through a dynamic import. We never use it (`emulate: false`; tests install IWER
 * themselves), so that import resolves to a stub and none of it is built or served.
 */
export function noBundledEmulator(): Plugin {
  return {
    name: "breathing-room:no-bundled-xr-emulator",
    enforce: "pre",
    resolveId(id, importer) {
      if (id === "./emulate.js" && importer?.replace(/\\/g, "/").includes("/@pmndrs/xr/dist/")) return STUB;
      return null;
    },
    load(id) {
      if (id !== STUB) return null;
      return `export function emulate() { throw new Error("Breathing Room installs its own emulator; use emulate: false"); }`;
    },
  };
}
