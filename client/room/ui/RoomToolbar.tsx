import { useCallback, useRef, useState, type ReactNode, type RefObject } from "react";
import { REACTIONS } from "../../../core/protocol";
import { ChatPanel, useChatStore } from "../chat";
import { HandIcon, REACTION_ICONS, REACTION_NAMES } from "./icons";
import { MomentStatus } from "./MomentStatus";
import { PeoplePanel } from "./PeoplePanel";
import { Popover } from "./Popover";
import { useRoom, useRoomServices } from "./RoomContext";
import { needMoment, react, toggleAway, toggleBubble, toggleCues, toggleHand } from "./roomActions";
import { SHORTCUTS, useRoomShortcuts, type ToolbarPanel } from "./shortcuts";
import { ordinal } from "../presence";
import { useRoomView } from "./ViewContext";
import { MicButton, VoiceSettings } from "../voice/VoiceControls";

/** A toggle's state in words beside its name (its button carries aria-pressed for screen readers). */
const OnOff = ({ on }: { on: boolean }) => (
  <span className="on-off" aria-hidden="true">
    {on ? "On" : "Off"}
  </span>
);

function PanelButton({
  panel,
  open,
  setOpen,
  refFor,
  children,
}: {
  panel: Exclude<ToolbarPanel, null>;
  open: ToolbarPanel;
  setOpen: (p: ToolbarPanel) => void;
  refFor: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}) {
  return (
    <button
      ref={refFor}
      type="button"
      className="secondary tool"
      aria-expanded={open === panel}
      aria-controls={open === panel ? `room-${panel}` : undefined}
      onClick={() => setOpen(open === panel ? null : panel)}
    >
      {children}
    </button>
  );
}

/**
 * Everything a person does in the circle, on one bar at the bottom: by mouse, touch or keys (the
 * shortcuts are listed in their own panel, not always on screen). Menus open above the bar.
 */
export function RoomToolbar() {
  const { store, leave } = useRoomServices();
  const handUp = useRoom((s) => Boolean(s.people[s.me]?.handRaised));
  const place = useRoom((s) => s.handQueue.indexOf(s.me) + 1);
  const away = useRoom((s) => Boolean(s.people[s.me]?.away));
  const cuesSilenced = useRoom((s) => s.cuesSilenced);
  const bubble = useRoom((s) => s.bubble);
  const shortcuts = useRoom((s) => s.shortcuts);
  const simple = useRoom((s) => s.simpleView);
  const view = useRoomView();
  const [open, setOpen] = useState<ToolbarPanel>(null);
  const reactRef = useRef<HTMLButtonElement>(null);
  const peopleRef = useRef<HTMLButtonElement>(null);
  const chatRef = useRef<HTMLButtonElement>(null);
  const lines = useChatStore((s) => s.lines.length);
  // Messages that came while the chat was closed (not read aloud twice: the chat log announces them when open).
  const [readLines, setReadLines] = useState(lines);
  if (open === "chat" && readLines !== lines) setReadLines(lines);
  const unread = open === "chat" ? 0 : Math.max(0, lines - readLines);
  const moreRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(null), []);
  const openPanel = useCallback((panel: ToolbarPanel) => setOpen(panel), []);
  useRoomShortcuts(store, openPanel, shortcuts);

  return (
    <section className="room-toolbar" aria-label="Your actions">
      {open === "react" && (
        <Popover id="room-react" label="Reactions" toggle={reactRef} onClose={close}>
          <div className="reactions">
            {REACTIONS.map((kind) => {
              const Icon = REACTION_ICONS[kind];
              return (
                <button key={kind} type="button" className="secondary tool" onClick={() => (react(store, kind), close())}>
                  <Icon /> {REACTION_NAMES[kind]}
                </button>
              );
            })}
          </div>
        </Popover>
      )}
      {open === "chat" && (
        <Popover id="room-chat" label="Chat" toggle={chatRef} onClose={close} initialFocus="#chat-input">
          <ChatPanel />
        </Popover>
      )}
      {open === "people" && (
        <Popover id="room-people" label="People" toggle={peopleRef} onClose={close}>
          <PeoplePanel />
        </Popover>
      )}
      {open === "more" && (
        <Popover id="room-more" label="More" toggle={moreRef} onClose={close}>
          <div className="menu">
            <VoiceSettings />
            <button type="button" className="secondary" aria-pressed={cuesSilenced} onClick={() => toggleCues(store)}>
              Silence my cues <OnOff on={cuesSilenced} />
            </button>
            <button type="button" className="secondary" aria-pressed={bubble} aria-describedby="room-bubble-hint" onClick={() => toggleBubble(store)}>
              Personal space <OnOff on={bubble} />
            </button>
            <p id="room-bubble-hint" className="hint">
              Others' heads and hands fade when they come close to you.
            </p>
            {view.stage && (
              <>
                <button type="button" className="secondary" aria-pressed={simple} aria-describedby="room-simple-hint" onClick={() => store.setState({ simpleView: !simple })}>
                  Simple view <OnOff on={simple} />
                </button>
                <p id="room-simple-hint" className="hint">
                  The circle without 3D: uses less data and battery.
                </p>
              </>
            )}
            <button type="button" className="secondary" onClick={() => setOpen("help")}>
              Keyboard shortcuts
            </button>
            <button type="button" className="secondary" onClick={() => setOpen("leave")}>
              Leave the circle
            </button>
          </div>
        </Popover>
      )}
      {open === "help" && (
        <Popover id="room-help" label="Keyboard shortcuts" toggle={moreRef} onClose={close}>
          <label className="agree">
            <input type="checkbox" checked={shortcuts} onChange={(e) => store.setState({ shortcuts: e.target.checked })} /> Use single-key shortcuts
          </label>
          <dl className="shortcuts">
            {SHORTCUTS.map((s) => (
              <div key={s.key}>
                <dt>
                  <kbd>{s.key.toUpperCase()}</kbd>
                </dt>
                <dd>{s.label}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">Escape closes a menu. Shortcuts do nothing while you type.</p>
        </Popover>
      )}
      {open === "leave" && (
        <Popover id="room-leave" label="Leave the circle" toggle={moreRef} onClose={close}>
          <p>Leave the circle? Your seat will be free for someone else. You can join again with the code while it is open.</p>
          <p className="actions">
            <button type="button" className="danger" onClick={leave}>
              Leave
            </button>
            <button type="button" className="secondary" onClick={() => (close(), moreRef.current?.focus())}>
              Stay
            </button>
          </p>
        </Popover>
      )}
      <MomentStatus />
      <div className="tools">
        <MicButton />
        <button type="button" className="secondary tool" onClick={() => toggleHand(store)}>
          <HandIcon /> {handUp ? "Lower hand" : "Raise hand"}
          {handUp && place > 0 && <span className="tool-note">{ordinal(place)} in line</span>}
        </button>
        <PanelButton panel="react" open={open} setOpen={setOpen} refFor={reactRef}>
          React
        </PanelButton>
        <button type="button" className="secondary tool" onClick={() => toggleAway(store)}>
          {away ? "I'm back" : "Step away"}
        </button>
        <button type="button" className="tool moment" onClick={() => needMoment(store)}>
          I need a moment
        </button>
        <PanelButton panel="chat" open={open} setOpen={setOpen} refFor={chatRef}>
          Chat{unread > 0 && <span className="tool-note"> {unread} new</span>}
        </PanelButton>
        <PanelButton panel="people" open={open} setOpen={setOpen} refFor={peopleRef}>
          People
        </PanelButton>
        <PanelButton panel="more" open={open} setOpen={setOpen} refFor={moreRef}>
          More
        </PanelButton>
      </div>
    </section>
  );
}
