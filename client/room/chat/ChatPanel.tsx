import { useState, type FormEvent } from "react";
import { CHAT_MAX_LENGTH, REPORT_REASONS, Role, mayActOn, type ReportReason } from "../../../core/protocol";
import { useRoomStore } from "../roomStore";
import { useChatStore, type ChatEntry } from "./chatStore";
import { ChatText } from "./ChatText";
import { CrisisOffer } from "./CrisisOffer";
import { REASON_WORDS, slowWords } from "./words";

/** Report one message: pick a reason, and it goes to the facilitators only, quoted. */
function ReportLine({ line, onDone }: { line: ChatEntry; onDone: () => void }) {
  const [reason, setReason] = useState<ReportReason>("unkind");
  const send = (e: FormEvent) => {
    e.preventDefault();
    useRoomStore.getState().send("reportChat", { id: line.id, reason });
    onDone();
  };
  return (
    <form className="chat-report" onSubmit={send} aria-label={`Report this message from ${line.pseudonym}`}>
      <fieldset>
        <legend>Why? Only the facilitators will see it.</legend>
        {REPORT_REASONS.map((r) => (
          <label key={r}>
            <input type="radio" name={`reason-${line.id}`} checked={reason === r} onChange={() => setReason(r)} /> {REASON_WORDS[r]}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit">Send report</button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Line({ line, me, myRole }: { line: ChatEntry; me: string; myRole: Role | undefined }) {
  const [reporting, setReporting] = useState(false);
  const authorRole = useRoomStore((s) => s.people[line.from]?.role ?? Role.participant);
  const mayDelete = myRole !== undefined && myRole !== Role.participant && mayActOn(myRole, "deleteChat", authorRole);
  return (
    <li className="chat-line">
      <span className="chat-who">{line.from === me ? "You" : line.pseudonym}:</span> <ChatText text={line.text} />
      <span className="chat-line-actions">
        {line.from !== me && !reporting && (
          <button type="button" className="link-button" onClick={() => setReporting(true)} aria-label={`Report message from ${line.pseudonym}`}>
            Report
          </button>
        )}
        {mayDelete && (
          <button type="button" className="link-button" onClick={() => useRoomStore.getState().send("deleteChat", { id: line.id })} aria-label={`Delete for everyone: message from ${line.pseudonym}`}>
            Delete
          </button>
        )}
      </span>
      {reporting && <ReportLine line={line} onDone={() => setReporting(false)} />}
    </li>
  );
}

/** Why this person cannot write now, or "". */
function useHeldBack(): string {
  const me = useRoomStore((s) => s.me);
  const lead = useRoomStore((s) => s.people[s.me]?.role !== undefined && s.people[s.me]?.role !== Role.participant);
  const muted = useChatStore((s) => s.chatMuted[me] === true);
  const on = useChatStore((s) => s.settings.on);
  if (muted) return "The facilitator has paused your chat for now. You can still read.";
  if (!on && !lead) return "Chat is off in this circle right now.";
  return "";
}

/**
 * The circle's chat: what people wrote (plain text; messages of people this person has hidden are
 * not shown), a box to write in, report and (for facilitators) delete. Kept in memory only.
 */
export function ChatPanel() {
  const me = useRoomStore((s) => s.me);
  const myRole = useRoomStore((s) => s.people[s.me]?.role);
  const hidden = useRoomStore((s) => s.hidden);
  const lines = useChatStore((s) => s.lines);
  const slow = useChatStore((s) => s.settings.slowSeconds);
  const heldBack = useHeldBack();
  const [draft, setDraft] = useState("");
  const shown = lines.filter((l) => !hidden[l.from]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (useChatStore.getState().say(draft, useRoomStore.getState().send)) setDraft("");
  };
  return (
    <section className="chat-panel" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Chat</h2>
      <ol className="chat-log" role="log" aria-live="polite" aria-relevant="additions">
        {shown.length === 0 && <li className="hint">Nothing written yet. You can write here if you'd rather not speak.</li>}
        {shown.map((line) => (
          <Line key={line.id} line={line} me={me} myRole={myRole} />
        ))}
      </ol>
      <CrisisOffer />
      <form className="chat-form" onSubmit={submit}>
        <label htmlFor="chat-input">Write to the circle</label>
        <div className="field">
          <input
            id="chat-input"
            type="text"
            autoComplete="off"
            maxLength={CHAT_MAX_LENGTH}
            value={draft}
            disabled={heldBack !== ""}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby="chat-hint"
          />
          <button type="submit" disabled={heldBack !== "" || draft.trim() === ""}>
            Send
          </button>
        </div>
        <p id="chat-hint" className="hint">
          {heldBack || (slow > 0 ? `Slow mode: ${slowWords(slow).toLowerCase()}.` : "Plain text. Everyone in the circle can read it; it is not saved.")}
        </p>
      </form>
    </section>
  );
}
