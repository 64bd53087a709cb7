import { Container } from "@react-three/uikit";
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { PATTERNS, PATTERN_IDS, type BuiltInPatternId } from "../../../core/breathing";
import { ENVIRONMENT_IDS, ENVIRONMENT_NAMES } from "../../../core/environments";
import { Role, mayPerform } from "../../../core/protocol";
import { VrButton, VrList, VrRow, VrText, space } from "../../ui/vr/kit";
import {
  alertSentence,
  alertsInOrder,
  circleActions,
  circleSentence,
  defaultCycles,
  personActions,
  pieceActions,
  pieceSentence,
  practiceActions,
  queueNames,
  stepCycles,
} from "../consoleActions";
import { useChatStore, type ChatAlert } from "../chat/chatStore";
import { markChatAlertSeen } from "../chat/followChat";
import { vrSafe } from "../chat/VrChatPanel";
import { chatAlertSentence } from "../chat/words";
import { markAlertSeen } from "../privateAlerts";
import type { Alert, Person } from "../roomStore";
import { usePieceState, useRoom, useRoomServices } from "../ui/RoomContext";
import { ActionButton, Board } from "./Board";
import { PersonLabel, PersonRow } from "./PeopleBoard";

const SECTIONS = ["Alerts", "Circle controls", "Exercise", "Talking piece", "Everyone"] as const;
type Section = (typeof SECTIONS)[number];

const timeOf = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });

function AlertRow({ sentence, at, seen, onSeen }: { sentence: string; at: number; seen: boolean; onSeen: () => void }) {
  return (
    <Container flexDirection="row" flexWrap="wrap" alignItems="center" gap={space("sm")} flexShrink={0}>
      <Container flexDirection="column" flexGrow={1} flexShrink={1} minWidth={300}>
        <VrText bold={!seen} muted={seen}>
          {sentence}
        </VrText>
        <VrText role="small" muted>
          {seen ? `${timeOf(at)} · seen` : timeOf(at)}
        </VrText>
      </Container>
      {seen ? null : <VrButton label={`Mark as seen: ${sentence}`} text="Mark as seen" variant="primary" onSelect={onSeen} />}
    </Container>
  );
}

/** "I need a moment" and reports, and from the chat who may need support and reported messages: unseen first. */
function Alerts() {
  const { store } = useRoomServices();
  const alerts = useRoom((s) => s.alerts);
  const chatAlerts = useChatStore((s) => s.alerts);
  const { unseen, seen } = alertsInOrder(alerts);
  if (alerts.length === 0 && chatAlerts.length === 0) return <VrText muted>None. "I need a moment", reports and words of crisis in the chat appear here, and only here.</VrText>;
  const send = (type: "markSeen", payload: { id: string }) => store.getState().send(type, payload);
  const chatRow = (a: ChatAlert) => <AlertRow key={a.id} sentence={vrSafe(chatAlertSentence(a))} at={a.at} seen={a.seen} onSeen={() => markChatAlertSeen(useChatStore, a.id, send)} />;
  const row = (a: Alert) => <AlertRow key={a.id} sentence={alertSentence(a)} at={a.at} seen={a.seen} onSeen={() => markAlertSeen(store, a.id)} />;
  return (
    <VrList maxHeight={300}>
      {chatAlerts.filter((a) => !a.seen).reverse().map(chatRow)}
      {unseen.map(row)}
      {chatAlerts.filter((a) => a.seen).reverse().map(chatRow)}
      {seen.map(row)}
    </VrList>
  );
}

function CircleControls({ role }: { role: Role }) {
  const { store } = useRoomServices();
  const session = useRoom((s) => s.session);
  const mayChange = mayPerform(role, "setEnvironment");
  return (
    <>
      <VrText>{circleSentence(session)}</VrText>
      <VrRow justify="flex-start">
        {circleActions(role, session).map((a) => (
          <ActionButton key={a.key} action={a} />
        ))}
      </VrRow>
      <VrText role="label">Place (everyone moves there)</VrText>
      <VrRow justify="flex-start">
        {ENVIRONMENT_IDS.map((id) => (
          <VrButton
            key={id}
            label={`Move the circle to ${ENVIRONMENT_NAMES[id]}`}
            text={ENVIRONMENT_NAMES[id]}
            selected={id === session.environment}
            disabled={!mayChange || id === session.environment}
            onSelect={() => store.getState().send("setEnvironment", { environment: id })}
          />
        ))}
      </VrRow>
    </>
  );
}

function Exercise({ role }: { role: Role }) {
  const running = useRoom((s) => s.practice.running);
  const open = useRoom((s) => s.session.status === "open");
  const [patternId, setPatternId] = useState<BuiltInPatternId>("box");
  const [cycles, setCycles] = useState(() => defaultCycles("box"));
  return (
    <>
      {open ? null : <VrText muted>Open the circle first.</VrText>}
      <VrRow justify="flex-start">
        {PATTERN_IDS.map((id) => (
          <VrButton
            key={id}
            label={PATTERNS[id].name}
            selected={patternId === id}
            onSelect={() => {
              setPatternId(id);
              setCycles(defaultCycles(id));
            }}
          />
        ))}
      </VrRow>
      <VrRow justify="flex-start">
        <VrButton label="Fewer cycles" text="−" onSelect={() => setCycles((c) => stepCycles(c, -1))} />
        <VrText bold>{`${cycles} cycles`}</VrText>
        <VrButton label="More cycles" text="+" onSelect={() => setCycles((c) => stepCycles(c, 1))} />
        {practiceActions(role, { patternId, cycles }, { open, running }).map((a) => (
          <ActionButton key={a.key} action={a} />
        ))}
      </VrRow>
    </>
  );
}

function Piece({ role }: { role: Role }) {
  const state = usePieceState();
  const queue = queueNames(state);
  return (
    <>
      <VrText>{pieceSentence(state)}</VrText>
      <VrText muted={queue.length === 0}>{queue.length ? `Hands: ${queue.map((n, i) => `${i + 1}. ${n}`).join("   ")}` : "No hands raised."}</VrText>
      <VrRow justify="flex-start">
        {pieceActions(role, state).map((a) => (
          <ActionButton key={a.key} action={a} />
        ))}
      </VrRow>
    </>
  );
}

const bySeat = (a: Person, b: Person) => a.seat - b.seat;

function Everyone({ role }: { role: Role }) {
  const people = useRoom(useShallow((s) => Object.values(s.people).sort(bySeat)));
  const me = useRoom((s) => s.me);
  const pieceHolder = useRoom((s) => s.pieceHolder);
  return (
    <VrList maxHeight={300}>
      {people.map((p) => (
        <PersonRow key={p.id}>
          <PersonLabel person={p} you={p.id === me} />
          {personActions(role, p, { me, pieceHolder }).map((a) => (
            <ActionButton key={a.key} action={a} />
          ))}
        </PersonRow>
      ))}
    </VrList>
  );
}

/**
 * The facilitator's console in a headset, section by section: private alerts (mark as seen), the
 * circle (open, lock, mute all, end), the group exercise (pattern, cycles, start, stop), the
 * talking piece and hands (call next, take), and everyone with mute / give piece / promote /
 * demote / remove. The same actions, words and permission rules as the page's console.
 */
export function ConsoleBoard() {
  const role = useRoom((s) => s.people[s.me]?.role ?? Role.participant);
  const unseen = useRoom((s) => s.alerts.filter((a) => !a.seen).length) + useChatStore((s) => s.alerts.filter((a) => !a.seen).length);
  const [section, setSection] = useState<Section>(unseen > 0 ? "Alerts" : "Circle controls");
  if (role === Role.participant) return null;
  return (
    <Board heading={role === Role.facilitator ? "Facilitator console" : "Co-facilitator console"}>
      <VrRow justify="flex-start">
        {SECTIONS.map((s) => (
          <VrButton key={s} label={s} {...(s === "Alerts" && unseen > 0 ? { text: `Alerts · ${unseen} new` } : {})} selected={section === s} onSelect={() => setSection(s)} />
        ))}
      </VrRow>
      {section === "Alerts" ? <Alerts /> : null}
      {section === "Circle controls" ? <CircleControls role={role} /> : null}
      {section === "Exercise" ? <Exercise role={role} /> : null}
      {section === "Talking piece" ? <Piece role={role} /> : null}
      {section === "Everyone" ? <Everyone role={role} /> : null}
    </Board>
  );
}
