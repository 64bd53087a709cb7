import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on loopback that delays every chunk, in each direction, by `meanMs` ± `jitterMs`
 * (uniform), keeping the order of bytes as TCP does: a chunk never overtakes the one before it.
 */
export async function startDelayProxy(targetPort: number, meanMs: number, jitterMs: number): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const delay = () => meanMs + (Math.random() * 2 - 1) * jitterMs;
  // One queue and one timer per direction: a timer per chunk can fire out of order (Node times each
  // from its cached loop time), which once swapped a WebSocket upgrade's 101 response with the frame after it.
  const pipe = (from: Socket, to: Socket) => {
    const queue: Array<{ at: number; chunk: Buffer }> = [];
    let timer: NodeJS.Timeout | undefined;
    let ended = false;
    const drain = () => {
      timer = undefined;
      const now = performance.now();
      while (queue.length && queue[0]!.at <= now) {
        const { chunk } = queue.shift()!;
        if (!to.destroyed) to.write(chunk);
      }
      if (queue.length) timer = setTimeout(drain, queue[0]!.at - now);
      else if (ended) to.destroy();
    };
    from.on("data", (chunk: Buffer) => {
      const at = Math.max(queue.at(-1)?.at ?? 0, performance.now() + delay());
      queue.push({ at, chunk });
      timer ??= setTimeout(drain, at - performance.now());
    });
    from.on("close", () => {
      ended = true;
      if (!timer) to.destroy();
    });
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
