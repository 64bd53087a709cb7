import type { TestProject } from "vitest/node";
import { buildTestClient, startServer } from "../../scripts/serveApp";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** One test build and one `npm start` server for every e2e file. */
export default async function setup(project: TestProject) {
  // The voice e2e runs itself again inside a network namespace: the build this run made serves it too.
  if (process.env.E2E_CLIENT_BUILT !== "1") await buildTestClient();
  const server = await startServer();
  project.provide("baseURL", server.baseURL);
  return server.stop;
}
