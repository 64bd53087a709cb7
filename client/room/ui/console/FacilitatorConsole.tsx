import { useState } from "react";
import { Role } from "../../../../core/protocol";
import { ChatModeration, useChatStore } from "../../chat";
import { useRoom } from "../RoomContext";
import { ConsoleAlerts } from "./ConsoleAlerts";
import { ConsoleCircle } from "./ConsoleCircle";
import { ConsoleKnocks } from "./ConsoleKnocks";
import { ConsolePiece } from "./ConsolePiece";
import { ConsolePractice } from "./ConsolePractice";
import { ConsoleRoster } from "./ConsoleRoster";

/**
 * The facilitator's console (a co-facilitator's too, without promote, demote and end): private
 * alerts first, then who waits to be let in, then the circle, the group exercise, the talking piece and hands, chat, and
 * everyone seated. Each button is enabled by the same rule the server applies (core/protocol
 * permissions); a refused action still shows its notice. On a phone it folds away behind its
 * heading so the circle stays in view.
 */
export function FacilitatorConsole() {
  const role = useRoom((s) => s.people[s.me]?.role ?? Role.participant);
  const unseen = useRoom((s) => s.alerts.filter((a) => !a.seen).length) + useChatStore((s) => s.alerts.filter((a) => !a.seen).length);
  const knocking = useRoom((s) => s.knocks.length);
  // Folded on a phone at first (the circle and toolbar need the screen); open on anything wider.
  const [open, setOpen] = useState(() => !globalThis.matchMedia?.("(max-width: 36rem)").matches);
  if (role === Role.participant) return null;
  return (
    <aside className={open ? "console open" : "console"} aria-labelledby="console-heading">
      <h2 id="console-heading">
        <button type="button" className="console-toggle" aria-expanded={open} aria-controls="console-body" onClick={() => setOpen((v) => !v)}>
          {role === Role.facilitator ? "Facilitator console" : "Co-facilitator console"}
          {unseen > 0 && <span className="badge"> {unseen} new</span>}
          {knocking > 0 && <span className="badge"> {knocking} waiting</span>}
        </button>
      </h2>
      <div id="console-body" className="console-body" hidden={!open}>
        <ConsoleAlerts />
        <ConsoleKnocks role={role} />
        <ConsoleCircle role={role} />
        <ConsolePractice role={role} />
        <ConsolePiece role={role} />
        <ChatModeration />
        <section aria-labelledby="console-people" className="console-section">
          <h3 id="console-people">People</h3>
          <ConsoleRoster role={role} />
        </section>
      </div>
    </aside>
  );
}
