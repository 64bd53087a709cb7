import { Container } from "@react-three/uikit";
import { useState, type ReactNode } from "react";
import { VrButton, VrRow, VrText, space, useVrTheme, withAlpha } from "../../ui/vr/kit";
import { runAction, type ConsoleAction } from "../consoleActions";
import { useRoomServices } from "../ui/RoomContext";

/** Width of every room board, mm: about ±24° at the boards' distance, inside a comfortable glance. */
export const BOARD_WIDTH = 960;
/** Inner width (the board's padding taken off), mm. */
export const BOARD_INNER = BOARD_WIDTH - 2 * space("lg");

/**
 * One of the room's boards: the kit's panel surface with a short heading (the tab under it
 * already says which board this is, so no large title takes the height a low board lacks).
 */
export function Board({ heading, children }: { heading?: string; children: ReactNode }) {
  const { palette } = useVrTheme();
  return (
    <Container
      width={BOARD_WIDTH}
      flexDirection="column"
      gap={space("md")}
      padding={space("lg")}
      borderRadius={28}
      backgroundColor={withAlpha(palette.surface, palette.surfaceAlpha)}
      borderWidth={2}
      borderColor={withAlpha(palette.line, 0.5)}
    >
      {heading ? <VrText role="h2">{heading}</VrText> : null}
      {children}
    </Container>
  );
}

/**
 * A button that asks first ("Remove Gentle Fern from the circle?"): the question takes the
 * button's place with a confirm and a cancel, so one stray trigger pull removes nobody.
 */
export function VrConfirm({
  label,
  text,
  question,
  yes,
  onConfirm,
  disabled = false,
}: {
  /** unique on screen; the confirm and cancel buttons are named after it */
  label: string;
  text?: string;
  question: string;
  yes: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) return <VrButton label={label} {...(text ? { text } : {})} variant="destructive" disabled={disabled} onSelect={() => setAsking(true)} />;
  return (
    <Container flexDirection="column" gap={space("sm")} flexShrink={0} width={BOARD_INNER - space("lg")}>
      <VrText bold>{question}</VrText>
      <VrRow justify="flex-start">
        <VrButton
          label={`Confirm: ${label}`}
          text={yes}
          variant="destructive"
          onSelect={() => {
            setAsking(false);
            onConfirm();
          }}
        />
        <VrButton label={`Cancel: ${label}`} text="Cancel" variant="primary" onSelect={() => setAsking(false)} />
      </VrRow>
    </Container>
  );
}

/** A console action as an in-VR button: greyed where the server would refuse it, asking first where it must. */
export function ActionButton({ action }: { action: ConsoleAction }) {
  const { store } = useRoomServices();
  if (action.confirm) {
    return (
      <VrConfirm
        label={action.name}
        text={action.label}
        question={action.confirm.question}
        yes={action.confirm.yes}
        disabled={!action.enabled}
        onConfirm={() => runAction(store, action)}
      />
    );
  }
  return (
    <VrButton
      label={action.name}
      {...(action.label !== action.name ? { text: action.label } : {})}
      variant={action.primary ? "primary" : "secondary"}
      disabled={!action.enabled}
      onSelect={() => runAction(store, action)}
    />
  );
}
