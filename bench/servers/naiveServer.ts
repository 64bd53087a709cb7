/**
 * The "naive Colyseus" baseline: what Colyseus' getting-started path gives you for the same head +
 * hands pose — 21 float32 schema fields per person (three positions, three quaternions), Colyseus'
 * default patch rate (20 Hz), messages in msgpack. Same transport, same loopback, same core.
 *
 *   BENCH_PORT=<port> node --import tsx bench/servers/naiveServer.ts
 */
import "../../server/polyfills";
import { Room, defineRoom, defineServer, validate, type Client } from "@colyseus/core";
import { schema, t } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { z } from "zod";
import { POSE_FLOATS } from "../../core/pose";
import { serveRequests } from "../lib/processes";
import { startProbe } from "./probe";

export const NAIVE_ROOM = "naive";

const probe = startProbe();
probe.timePatches(Room);
process.on("SIGTERM", () => process.exit(0));

const fields = Object.fromEntries(Array.from({ length: POSE_FLOATS }, (_, i) => [`f${i}`, t.float32().default(0)]));
const FloatPerson = schema(fields as Record<string, ReturnType<typeof t.float32>>, "FloatPerson");
const FloatState = schema({ people: t.map(FloatPerson) }, "FloatState");

class NaiveRoom extends Room<{ state: InstanceType<typeof FloatState> }> {
  override state = new FloatState();
  override maxClients = 64;
  override messages = {
    pose: validate(z.array(z.number()).length(POSE_FLOATS), (client: Client, floats: number[]) => {
      const p = this.state.people.get(client.sessionId) as unknown as Record<string, number> | undefined;
      if (p) for (let i = 0; i < POSE_FLOATS; i++) p[`f${i}`] = floats[i]!;
    }),
  };
  override onJoin(client: Client): void {
    this.state.people.set(client.sessionId, new FloatPerson());
  }
  override onLeave(client: Client): void {
    this.state.people.delete(client.sessionId);
  }
}

const server = defineServer({
  rooms: { [NAIVE_ROOM]: defineRoom(NaiveRoom).filterBy(["code"]) },
  greet: false,
  transport: new WebSocketTransport({ maxPayload: 4 * 1024 }),
});
const port = Number(process.env.BENCH_PORT);
await server.listen(port, "127.0.0.1");

serveRequests(
  {
    ...probe.handlers,
    /** Any string names a circle here; answer `count` fresh ones. */
    sessions: ({ count }: { count: number }) => Array.from({ length: count }, (_, i) => `naive-${Date.now()}-${i}`),
  },
  { port },
);
