/** The app's routes; group ones render a placeholder for now. */
export type Route = { name: "calm" } | { name: "room"; code: string } | { name: "facilitate" } | { name: "not-found" };

/** Route for a pathname ("/", "/room/ABC123", "/facilitate"). */
export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/" || path === "/index.html") return { name: "calm" };
  if (path === "/facilitate") return { name: "facilitate" };
  const room = /^\/room\/([^/]+)$/.exec(path);
  if (room?.[1]) return { name: "room", code: decodeURIComponent(room[1]) };
  return { name: "not-found" };
}
