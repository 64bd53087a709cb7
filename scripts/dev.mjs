// Development: the room/API server on PORT (default 2567) and Vite with hot reload on 5173,
// proxying /api and /matchmake to the server. Ctrl-C stops both.
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "2567";
// NODE_ENV=development: unexpected server errors are logged with their stack (never sent to a browser).
const env = { NODE_ENV: "development", ...process.env, PORT: port, SKIP_CLIENT_BUILD: "1" };
const children = [
  spawn(process.execPath, ["--import", "tsx", "--watch", "server/index.ts"], { stdio: "inherit", env }),
  spawn(process.execPath, ["node_modules/vite/bin/vite.js", "--host"], { stdio: "inherit", env }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", stop);
