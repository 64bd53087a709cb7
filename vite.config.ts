import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { inputProfiles } from "./scripts/inputProfilesPlugin";
import { noBundledEmulator } from "./scripts/noBundledEmulatorPlugin";

const serverPort = Number(process.env.PORT ?? 2567);

/** The client lives in client/; the Node server serves dist/client on the same port. */
export default defineConfig({
  root: "client",
  publicDir: "../assets/public",
  plugins: [react(), inputProfiles(), noBundledEmulator()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    manifest: true,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      "/api": `http://127.0.0.1:${serverPort}`,
      "/matchmake": { target: `http://127.0.0.1:${serverPort}`, ws: true },
    },
  },
});
