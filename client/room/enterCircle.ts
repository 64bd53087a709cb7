import { AGREEMENT_VERSION } from "../../core/care";
import { ActionError, type JoinOptions, type Reaction } from "../../core/protocol";
import { exposeTestHooks } from "../state/testHooks";
import { followPracticeEnd, markCheckInCounted } from "./checkIns";
import { circleFrame, type CircleFrame } from "./circleFrame";
import { bindCircle } from "./bindCircle";
import { followChat } from "./chat/followChat";
import { useChatStore } from "./chat/chatStore";
import { startClockSync } from "./clockSync";
import { createCircleClient, joinCircle, joinRefusal, leaveReason, type CircleClient, type JoinedCircle } from "./connection";
import { actionNotice } from "./messages";
import { fetchRoomToken } from "./roomToken";
import { followAlerts } from "./privateAlerts";
import { REACTION_MS, useRoomStore, type RoomStore } from "./roomStore";
import { followVoice } from "./voice/followVoice";
import { stayInCircle } from "./stayInCircle";

let reactionKey = 0;

/** Everything that listens to one joined room; returns one cleanup. */
function follow(room: JoinedCircle, store: RoomStore, out: CircleFrame): () => void {
  const stops: (() => void)[] = [];
  stops.push(bindCircle(room, store, out));
  stops.push(startClockSync(room));
  stops.push(followChat(room, store, useChatStore));
  stops.push(followVoice(room));
  stops.push(
    room.onMessage("reaction", ({ from, kind }) => {
      const at = performance.now();
      const reaction = { key: ++reactionKey, from, kind: kind as Reaction, at };
      store.setState((s) => ({ reactions: [...s.reactions.filter((r) => at - r.at < REACTION_MS), reaction] }));
      setTimeout(() => store.setState((s) => ({ reactions: s.reactions.filter((r) => r.key !== reaction.key) })), REACTION_MS);
    }),
  );
  stops.push(...followAlerts(room, store));
  stops.push(followPracticeEnd(store));
  stops.push(room.onMessage("checkedIn", ({ phase }) => markCheckInCounted(store, phase)));
  stops.push(room.onMessage("admission", ({ status }) => store.setState({ knocking: status === "knocking" })));
  stops.push(
    room.onMessage("error", ({ action, code }) => {
      // Counted before a reconnection: nothing to tell the person, the answer is in.
      if (action === "checkIn" && code === ActionError.ALREADY_CHECKED_IN) return markCheckInCounted(store);
      // Poses go out by themselves (the first before the room says the person waits at the door): nothing they did.
      if (action === "pose") return;
      store.setState({ notice: actionNotice(action, code) });
    }),
  );
  return () => stops.forEach((stop) => stop());
}

/**
 * Join the circle with what the person chose, and follow it until they leave or are out.
 * Refusals, removal, the end of the session and a lost connection all end in `phase: "closed"`
 * with a reason the page explains kindly; a network drop shows "reconnecting…" while the SDK
 * retries by itself.
 */
export async function enterCircle(
  store: RoomStore = useRoomStore,
  { token, client, out = circleFrame, fetchFn }: { token?: string; client?: CircleClient; out?: CircleFrame; fetchFn?: typeof fetch } = {},
): Promise<void> {
  const { code, pseudonym, look, asFacilitator } = store.getState();
  store.setState({ phase: "joining", closedReason: null, closedDetail: "", notice: "" });
  const options: JoinOptions = asFacilitator ? { code, pseudonym, look } : { code, pseudonym, look, agreementVersion: AGREEMENT_VERSION };
  // `token` is the facilitator's sign-in; the room gets a minutes-long room token instead.
  let roomToken: string | undefined;
  if (token && !client) {
    const traded = await fetchRoomToken(token, fetchFn);
    if ("refused" in traded) return store.getState().close(traded.refused);
    roomToken = traded.token;
  }
  let room: JoinedCircle;
  const sdk = client ?? createCircleClient(location.origin, roomToken);
  try {
    room = await joinCircle(sdk, options);
  } catch (error) {
    store.getState().close(joinRefusal(error), error instanceof Error ? error.message : "");
    return;
  }
  let stop = follow(room, store, out);
  const enter = (r: JoinedCircle) => {
    room = r;
    store.setState({
      phase: "in",
      me: r.sessionId,
      link: { sessionId: r.sessionId, send: (type, payload) => r.send(type as never, payload as never), leave: () => void r.leave(true) },
    });
  };
  enter(room);
  // Tests try a removed person's token from outside the page; nothing is exposed in production.
  const unexpose = exposeTestHooks({ reconnectionToken: () => room.reconnectionToken });
  // A moved or restarted server brings the circle back; the seat token takes this person to the same seat.
  stayInCircle(room, {
    rejoin: async (seatToken) => {
      // A room token lasts minutes: a facilitator trades their sign-in for a fresh one to come back.
      if (token && !client) {
        const traded = await fetchRoomToken(token, fetchFn);
        if ("token" in traded) sdk.auth.token = traded.token;
      }
      return joinCircle(sdk, { ...options, seatToken });
    },
    onRoom: (next) => {
      stop();
      stop = follow(next, store, out);
      enter(next);
    },
    onMoving: () => store.setState({ phase: "reconnecting", moving: true }),
    onDrop: () => store.setState({ phase: "reconnecting", moving: false }),
    onBack: () => store.setState({ phase: "in", moving: false }),
    onClosed: (code, detail) => {
      stop();
      unexpose();
      store.setState({ moving: false });
      // A close code, or the refusal of the rejoin (an HTTP-like status: ended, unknown…).
      store.getState().close(code >= 1000 ? leaveReason(code) : joinRefusal({ code }), detail);
    },
  });
}

/** Leave on purpose: the seat is given up at once. */
export function leaveCircle(store: RoomStore = useRoomStore): void {
  store.getState().link?.leave();
}
