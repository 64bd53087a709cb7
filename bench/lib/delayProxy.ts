import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on loopback that delays every chunk, in each direction, by `meanMs` ± `jitterMs`
 * (uniform), keeping the order of bytes as TCP does: a chunk never overtakes the one before it.
 */
export async function startDelayProxy(targetPort: number, meanMs: number, jitterMs: number): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const delay = () => meanMs + (Math.random() * 2 - 1) * jitterMs;
  const pipe = (from: Socket, to: Socket) => {
    let last = 0;
    from.on("data", (chunk) => {
      const at = Math.max(last, performance.now() + delay());
      last = at;
      setTimeout(() => to.destroyed || to.write(chunk), at - performance.now());
    });
    from.on("close", () => setTimeout(() => to.destroy(), Math.max(0, last - performance.now())));
    from.on("error", () => to.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("proxy has no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
