import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { janusInstalled, startJanus, type RunningJanus } from "../../scripts/janus";
import { JanusClient } from "../../server/voice/JanusClient";
import { JanusRooms, newJanusToken } from "../../server/voice/JanusRooms";

/**
 * Debian's Janus, started on loopback with its own configuration (scripts/janus.ts; `.ci/run`
 * installs the package when missing): our server's side of the SFU — rooms only with the admin key,
 * nobody in without a token we allowed, moderation only with the room's secret.
 */
describe.skipIf(!janusInstalled())("Janus rooms for circles", () => {
  let janus: RunningJanus;
  let client: JanusClient;
  let rooms: JanusRooms;
  beforeAll(async () => {
    janus = await startJanus();
    client = await JanusClient.connect(janus.url);
    rooms = new JanusRooms(client, await client.attach(), janus.adminKey);
  }, 90_000);
  afterAll(() => {
    client?.close();
    janus?.stop();
  });

  it("creates a circle's room only with the admin key; nobody joins it without an allowed token", async () => {
    const stranger = new JanusRooms(client, await client.attach(), "wrong key");
    await expect(stranger.create("circle-x", 8)).rejects.toThrow(/janus/);
    const room = await rooms.create("circle-a", 8);
    const handle = await client.attach();
    const join = (token?: string) => client.request(handle, { request: "join", ptype: "publisher", room: room.room, id: "p1", ...(token ? { token } : {}) });
    await expect(join()).rejects.toThrow(/janus/);
    const token = newJanusToken();
    await rooms.allowed(room, "add", [token]);
    const joined = await join(token);
    expect(joined.plugindata?.data.videoroom).toBe("joined");
    expect((await rooms.participants(room)).map((p) => p.id)).toEqual(["p1"]);
    // Moderation needs the room's secret: a client that knows the room cannot unmute itself.
    await expect(client.request(handle, { request: "moderate", room: room.room, secret: "guess", id: "p1", mid: "0", mute: false })).rejects.toThrow(/janus/);
    await rooms.destroy(room);
    await expect(rooms.participants(room)).rejects.toThrow(/janus/);
  }, 30_000);
});
