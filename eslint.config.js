import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import r3f from "@react-three/eslint-plugin";
import globals from "globals";

/**
 * Besides the usual checks, this config guards the architecture:
 * core/ stays isomorphic (no DOM, React, three, Colyseus or Node), and
 * client/ takes only types from server/.
 */
const nodeBuiltins = ["node:*", "fs", "path", "os", "crypto", "http", "https", "net", "child_process", "url", "util", "stream", "events", "worker_threads"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "test-results/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["scripts/**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["client/**/*.{ts,tsx}", "tests/client/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@react-three": r3f },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...r3f.configs.recommended.rules,
    },
  },
  {
    files: ["core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-*", "react/*", "@react-three/*"], message: "core/ is isomorphic: no React." },
            { group: ["three", "three/*"], message: "core/ is isomorphic: no three." },
            { group: ["colyseus", "@colyseus/*"], message: "core/ is isomorphic: no Colyseus." },
            // Bare specifiers only: a file of our own may be called http.ts.
            { regex: `^(${nodeBuiltins.map((m) => m.replace("*", ".*")).join("|")})$`, message: "core/ is isomorphic: no Node modules." },
            { group: ["**/client/**", "**/server/**"], message: "core/ depends on nothing in the app." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "indexedDB", "process", "Buffer", "require", "__dirname"].map((name) => ({
          name,
          message: "core/ is isomorphic: no DOM or Node globals.",
        })),
      ],
    },
  },
  // Imports in client/ point one way: app → ui / scene / xr / room → practice / state → core.
  ...clientLayers([
    { files: ["client/**/*.{ts,tsx}"], above: [] },
    { files: ["client/{ui,scene,xr,room}/**/*.{ts,tsx}"], above: ["app"] },
    { files: ["client/{practice,state}/**/*.{ts,tsx}"], above: ["app", "ui", "scene", "xr", "room"] },
  ]),
);

/**
 * One rule block per client layer: no value imports from server/, and nothing from the layers
 * above it. (Flat config replaces a rule's options per file, so each block lists both.)
 */
function clientLayers(layers) {
  return layers.map(({ files, above }) => ({
    files,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/**", "**/server"],
              allowTypeImports: true,
              message: "client/ may import only types from server/.",
            },
            ...above.map((layer) => ({
              group: [`**/${layer}/**`, `../${layer}`, `../../${layer}`],
              message: `Imports point one way (app → ui/scene/xr/room → practice/state → core): not from ${layer}/ here.`,
            })),
          ],
        },
      ],
    },
  }));
}
