import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError, Role, SessionStatus } from "../../../core/protocol";
import type { ServerProcess } from "../../../scripts/serverProcess";
import { endSession, facilitatorSession, homeProcess, isRunning, member, placeCircle, seen, servicesMissing, SETUP_MS, startCluster, until, type Cluster, type Member } from "../../../scripts/cluster";

if (servicesMissing) console.warn(`durable circle tests skipped: ${servicesMissing}`);

const everyone = (ms: Member[]) => ms.map((m) => m.room);

describe.skipIf(Boolean(servicesMissing))("a circle outlives its process", () => {
  let c: Cluster;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    c = await startCluster();
    [a, b] = await Promise.all([c.start(), c.start()]);
  }, 200_000);
  afterAll(async () => {
    await c?.stop();
  });

  it("kill -9 mid-session: everyone is back within 10 s in the same seats and roles, lock, piece, hands and practice; no check-in counted twice or lost", async () => {
    // Everyone comes back through the process that survives, as a reverse proxy sends them to the
    // live one (the facilitator too: which process dies is only known once the circle is placed).
    const { apiToken, s, lead, home, other, via } = await placeCircle(c, [a, b]);
    const [co, holder, waiting] = await Promise.all(["Still Lake", "Warm Stone", "Quiet Heron"].map((n) => member(other, via, s.code, n)));
    const people = [lead, co!, holder!, waiting!];
    await until(() => lead.room.state?.participants?.size === 4, SETUP_MS, "four seated");
    const sid = (m: Member) => m.room.sessionId;
    lead.room.send("promote", { target: sid(co!) });
    lead.room.send("givePiece", { to: sid(holder!) });
    lead.room.send("mute", { target: sid(waiting!) });
    waiting!.room.send("raiseHand");
    lead.room.send("lock");
    holder!.room.send("checkIn", { phase: "before", value: 0 });
    waiting!.room.send("checkIn", { phase: "before", value: 3 });
    lead.room.send("startPractice", { patternId: "box", cycles: 12 });
    await until(
      () => lead.room.state.practice.running && lead.room.state.session.locked && lead.room.state.handQueue.length === 1 &&
        (holder!.got.checkedIn?.length ?? 0) === 1 && (waiting!.got.checkedIn?.length ?? 0) === 1 && lead.room.state.pieceHolder === sid(holder!),
      SETUP_MS, "circle set up",
    );
    const before = seen(lead.room);
    expect(before.people["Still Lake"]!.role).toBe(Role.cofacilitator);
    expect(before.people["Quiet Heron"]!.muted).toBe(true);
    expect(before.piece).toBe("Warm Stone");
    await new Promise((r) => setTimeout(r, 300)); // one patch: the last change saved

    const killedAt = Date.now();
    home.signal("SIGKILL");
    await until(() => people.every((m) => m.backAt > 0), 30_000, "everyone back").catch((e: unknown) => {
      throw new Error(`${(e as Error).message}: ${JSON.stringify(people.map((m) => ({ n: m.name, moves: m.moves, closed: m.closed, back: m.backAt && m.backAt - killedAt, errors: m.got.rejoinErrors })))}\n${other.output()}`);
    });
    const back = Math.max(...people.map((m) => m.backAt)) - killedAt;
    expect(back).toBeLessThan(10_000);
    expect(people.map((m) => m.closed)).toEqual([null, null, null, null]);
    // One circle again, everyone in it, as it was.
    const roomIds = new Set(everyone(people).map((r) => r.roomId));
    expect(roomIds.size).toBe(1);
    await until(() => people.every((m) => m.room.state?.participants?.size === 4), SETUP_MS, "everyone sees everyone");
    for (const m of people) expect(seen(m.room)).toEqual(before);

    // Answers given before the kill still count once (a second one is refused) and still pair with
    // the same person's "after"; answers after the move count as usual.
    holder!.room.send("checkIn", { phase: "before", value: 7 });
    holder!.room.send("checkIn", { phase: "after", value: 6 });
    waiting!.room.send("checkIn", { phase: "after", value: 8 });
    await until(
      () => (holder!.got.checkedIn?.length ?? 0) === 2 && (waiting!.got.checkedIn?.length ?? 0) === 2,
      SETUP_MS, "check-ins after the move",
    );
    await until(() => (holder!.got.error ?? []).some((e) => (e as { code: string }).code === ActionError.ALREADY_CHECKED_IN), SETUP_MS, "second answer refused");
    expect(await endSession(other, s.id, apiToken)).toBe(200);
    await until(() => people.every((m) => m.closed !== null), SETUP_MS, "circle ended");
    // Pairs: 0→6 and 3→8, both "before"s given on the killed process; each counted once.
    const agg = c.store.aggregates.get(s.id);
    expect(agg?.n).toBe(2);
    expect(agg?.meanBefore).toBe(1.5);
    expect(agg?.meanAfter).toBe(7);
    expect(c.store.sessions.byId(s.id)?.status).toBe("ended");
    console.log(`kill -9 → everyone back in ${back} ms`);
  }, 120_000);

  it("SIGTERM: everyone is told the circle is moving and is back in it on the other process, nobody sees an error, and the process exits within its grace", async () => {
    // Two processes again (the last test killed one).
    while (c.procs.filter(isRunning).length < 2) await c.start();
    const [p1, p2] = c.procs.filter(isRunning) as [ServerProcess, ServerProcess];
    const { token, apiToken, s } = await facilitatorSession(c, { admission: false });
    let home: ServerProcess = p1;
    const via = () => (home === p1 ? p2 : p1);
    const lead = await member(p1, via, s.code, "Facilitator", token);
    home = await homeProcess(c, s.code, [p1, p2]);
    lead.room.send("openCircle");
    await until(() => lead.room.state.session.status === SessionStatus.open, SETUP_MS, "circle open");
    const [holder, other] = await Promise.all(["Warm Stone", "Quiet Heron"].map((n) => member(via(), via, s.code, n)));
    const people = [lead, holder!, other!];
    await until(() => lead.room.state?.participants?.size === 3, SETUP_MS, "three seated");
    lead.room.send("givePiece", { to: holder!.room.sessionId });
    holder!.room.send("checkIn", { phase: "before", value: 4 });
    lead.room.send("startPractice", { patternId: "478", cycles: 8 });
    await until(() => lead.room.state.practice.running && (holder!.got.checkedIn?.length ?? 0) === 1 && lead.room.state.pieceHolder !== "", SETUP_MS, "set up");
    const before = seen(lead.room);

    const termAt = Date.now();
    home.signal("SIGTERM");
    const exit = await home.exited;
    const exitedAfter = Date.now() - termAt;
    await until(() => people.every((m) => m.backAt > 0), 30_000, "everyone back").catch((e: unknown) => {
      throw new Error(`${(e as Error).message}: ${JSON.stringify(people.map((m) => ({ n: m.name, moves: m.moves, closed: m.closed, errors: m.got.rejoinErrors })))}`);
    });
    expect(exit).toBe(0);
    expect(exitedAfter).toBeLessThan(10_000 + 2000);
    expect(people.map((m) => m.closed)).toEqual([null, null, null]);
    expect(people.map((m) => m.got.error ?? [])).toEqual([[], [], []]);
    expect(people.every((m) => m.movingShown === 1 && m.moves === 1)).toBe(true);
    await until(() => people.every((m) => m.room.state?.participants?.size === 3), SETUP_MS, "everyone sees everyone");
    for (const m of people) expect(seen(m.room)).toEqual(before);
    console.log(`SIGTERM → process exited in ${exitedAfter} ms, everyone back in ${Math.max(...people.map((m) => m.backAt)) - termAt} ms`);

    // The "before" given before the move pairs with the "after" given after it, once.
    holder!.room.send("checkIn", { phase: "after", value: 9 });
    await until(() => (holder!.got.checkedIn?.length ?? 0) === 2, SETUP_MS, "after check-in");
    expect(await endSession(via(), s.id, apiToken)).toBe(200);
    await until(() => people.every((m) => m.closed !== null), SETUP_MS, "circle ended");
    expect(c.store.aggregates.get(s.id)).toMatchObject({ n: 1, meanBefore: 4, meanAfter: 9 });
  }, 120_000);
  it("a process paused past its health check (colyseus #968) does not split its circle: the newcomer's circle on the other process takes everyone in", async () => {
    while (c.procs.filter(isRunning).length < 2) await c.start();
    const [p1, p2] = c.procs.filter(isRunning) as [ServerProcess, ServerProcess];
    const { s, lead, home, other, via } = await placeCircle(c, [p1, p2]);
    lead.room.send("startPractice", { patternId: "box", cycles: 12 });
    await until(() => lead.room.state.session.status === SessionStatus.open && lead.room.state.practice.running, SETUP_MS, "circle open");
    await new Promise((r) => setTimeout(r, 300)); // one patch: the last change saved

    // The circle's process stops answering (as in a long pause) while someone joins through the other:
    // the other's seat reservation and health check time out, it drops the listing and makes a new room.
    home.signal("SIGSTOP");
    let newcomer: Member;
    try {
      newcomer = await member(other, via, s.code, "Quiet Heron");
    } finally {
      home.signal("SIGCONT");
    }
    // The paused process comes back, finds the newer room and sends its people there.
    await until(() => lead.moves === 1 && lead.backAt > 0, SETUP_MS, "the facilitator moved to the newer room").catch((e: unknown) => {
      throw new Error(`${(e as Error).message}: ${JSON.stringify({ moves: lead.moves, closed: lead.closed, errors: lead.got.rejoinErrors })}`);
    });
    expect(lead.room.roomId).toBe(newcomer.room.roomId);
    await until(() => [lead, newcomer].every((m) => m.room.state?.participants?.size === 2), SETUP_MS, "both in one circle");
    expect(seen(newcomer.room).people).toMatchObject({ Facilitator: { role: Role.facilitator }, "Quiet Heron": { role: Role.participant } });
    expect(seen(newcomer.room).practice.running).toBe(true);
    expect([lead.closed, newcomer.closed]).toEqual([null, null]);
    expect(lead.movingShown).toBe(1);
  }, 120_000);
});
