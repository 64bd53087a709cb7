import { Container } from "@react-three/uikit";
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { REPORT_REASONS, type ReportReason } from "../../../core/protocol";
import { VrButton, VrList, VrRow, VrText, space } from "../../ui/vr/kit";
import { REPORT_REASON_CHOICES } from "../consoleActions";
import { presenceWords } from "../presence";
import type { Person } from "../roomStore";
import { useRoom, useRoomServices } from "../ui/RoomContext";
import { report } from "../ui/roomActions";
import { Board, BOARD_INNER } from "./Board";

/** Someone's name and what their presence says, beside their buttons. */
export function PersonLabel({ person, you = false }: { person: Person; you?: boolean }) {
  const pieceHolder = useRoom((s) => s.pieceHolder);
  const handQueue = useRoom((s) => s.handQueue);
  const words = presenceWords(person, { pieceHolder, handQueue });
  return (
    <Container flexDirection="column" flexGrow={1} flexShrink={1} minWidth={240}>
      <VrText bold>{`${person.pseudonym}${you ? " (you)" : ""}`}</VrText>
      {words.length ? (
        <VrText role="small" muted>
          {words.join(" · ")}
        </VrText>
      ) : null}
    </Container>
  );
}

/** A row of the people list: a name on the left, buttons on the right. */
export function PersonRow({ children }: { children: React.ReactNode }) {
  return (
    <Container flexDirection="row" flexWrap="wrap" alignItems="center" gap={space("sm")} flexShrink={0} width={BOARD_INNER - space("md")}>
      {children}
    </Container>
  );
}

function Row({ person, holdPiece, onReport }: { person: Person; holdPiece: boolean; onReport: () => void }) {
  const { store } = useRoomServices();
  const hidden = useRoom((s) => Boolean(s.hidden[person.id]));
  const name = person.pseudonym;
  return (
    <PersonRow>
      <PersonLabel person={person} />
      <VrButton
        label={hidden ? `Show ${name}` : `Hide ${name}`}
        text={hidden ? "Show" : "Hide"}
        selected={hidden}
        onSelect={() => (hidden ? store.getState().unhide(person.id) : store.getState().hide(person.id))}
      />
      <VrButton label={`Report ${name}`} text="Report…" onSelect={onReport} />
      {holdPiece ? <VrButton label={`Pass the piece to ${name}`} text="Pass the piece" onSelect={() => store.getState().send("passPiece", { to: person.id })} /> : null}
    </PersonRow>
  );
}

/**
 * Report someone: a reason from the same short list as the page's form (no free text), sent with
 * the last minute of room events; then the offer to hide them too.
 */
function ReportBoard({ person, onDone }: { person: Person; onDone: () => void }) {
  const { store } = useRoomServices();
  const hidden = useRoom((s) => Boolean(s.hidden[person.id]));
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [sent, setSent] = useState(false);
  const name = person.pseudonym;
  if (sent) {
    return (
      <Board heading="Report sent">
        <VrText>{`Thank you. Your report about ${name} goes privately to the facilitators; they do not tell ${name} who sent it.`}</VrText>
        <VrRow>
          {hidden ? null : <VrButton label={`Hide ${name} too`} onSelect={() => store.getState().hide(person.id)} />}
          <VrButton label="Done" variant="primary" width={220} onSelect={onDone} />
        </VrRow>
      </Board>
    );
  }
  return (
    <Board heading={`Why are you reporting ${name}?`}>
      <VrRow justify="flex-start">
        {REPORT_REASONS.map((r) => (
          <VrButton key={r} label={REPORT_REASON_CHOICES[r]} selected={reason === r} width={(BOARD_INNER - space("sm")) / 2} onSelect={() => setReason(r)} />
        ))}
      </VrRow>
      <VrText role="small" muted>
        The facilitators also see what happened in the circle in the last minute (who joined, hands, reactions) — never anything anyone said.
      </VrText>
      <VrRow>
        <VrButton
          label="Send report"
          variant="primary"
          disabled={!reason}
          onSelect={() => {
            if (!reason) return;
            report(store, person.id, reason);
            setSent(true);
          }}
        />
        <VrButton label="Cancel report" text="Cancel" onSelect={onDone} />
      </VrRow>
    </Board>
  );
}

const bySeat = (a: Person, b: Person) => a.seat - b.seat;

/** Everyone else, with hide (this device only), report, and pass the piece while holding it. */
export function PeopleBoard() {
  const others = useRoom(useShallow((s) => Object.values(s.people).filter((p) => p.id !== s.me).sort(bySeat)));
  const holdPiece = useRoom((s) => s.pieceHolder !== "" && s.pieceHolder === s.me);
  const [reporting, setReporting] = useState<string | null>(null);
  const target = others.find((p) => p.id === reporting);
  if (reporting && target) return <ReportBoard person={target} onDone={() => setReporting(null)} />;
  return (
    <Board heading="People">
      {others.length === 0 ? (
        <VrText>Nobody else is here yet.</VrText>
      ) : (
        <VrList maxHeight={290}>
          {others.map((p) => (
            <Row key={p.id} person={p} holdPiece={holdPiece} onReport={() => setReporting(p.id)} />
          ))}
        </VrList>
      )}
      <VrText role="small" muted>
        Hiding fades someone out for you only, for this session. A report goes privately to the facilitators.
      </VrText>
    </Board>
  );
}
