import { Container, type VanillaContainer } from "@react-three/uikit";
import { useEffect, useRef } from "react";
import type { Palette } from "../../design";
import { registerVrTarget } from "../targets";
import { space, VR_TARGET_MM } from "./theme";
import { usePress } from "./usePress";
import { useVrTheme } from "./useVrTheme";
import { VrText } from "./VrText";

/**
 * primary: the one next step on a panel (Start, Continue, Done).
 * secondary: every other choice and action, quiet.
 * destructive: ends or removes something; neutral, with the coral only on its words.
 * help: "Need help now?", warm and easy to find.
 */
export type VrButtonVariant = "primary" | "secondary" | "destructive" | "help";

export interface VrButtonProps {
  /** what tests and assistive tools aim at; unique on a screen. Also the text shown, unless `text` is given */
  label: string;
  /** the words on the button when they differ from `label` (e.g. "+" for "Ambience +") */
  text?: string;
  onSelect: () => void;
  variant?: VrButtonVariant;
  /** the current choice among several (a place, a length): filled, not outlined like focus */
  selected?: boolean;
  /** shown faded; pressing it does nothing */
  disabled?: boolean;
  /** fixed width, mm; otherwise as wide as the words (at least a target's width) */
  width?: number;
  /** share the row's width with the other growing buttons */
  grow?: boolean;
}

interface Look {
  background: string;
  hover: string;
  text: string;
  border?: string;
}

export function buttonLook(p: Palette, variant: VrButtonVariant, selected: boolean, disabled: boolean): Look {
  if (disabled) return { background: p.raised, hover: p.raised, text: p.muted };
  if (variant === "help") return { background: p.help, hover: p.helpHover, text: p.helpText };
  if (variant === "primary" || selected) return { background: p.accent, hover: p.accentHover, text: p.accentText };
  if (variant === "destructive") return { background: p.raised, hover: p.raisedHover, text: p.help, border: p.help };
  return { background: p.raised, hover: p.raisedHover, text: p.text, border: p.line };
}

/**
 * An in-VR button: pressed by controller ray (trigger) or hand (pinch), lit
 * while pointed at. Hover is a uikit style, so pointing never renders React.
 */
export function VrButton({ label, text, onSelect, variant = "secondary", selected = false, disabled = false, width, grow = false }: VrButtonProps) {
  const { palette } = useVrTheme();
  const ref = useRef<VanillaContainer>(null);
  const press = usePress(onSelect, disabled);
  const look = buttonLook(palette, variant, selected, disabled);
  useEffect(() => (ref.current ? registerVrTarget(ref.current, label) : undefined), [label]);
  return (
    <Container
      ref={ref}
      minHeight={VR_TARGET_MM}
      minWidth={VR_TARGET_MM}
      width={width}
      flexGrow={grow ? 1 : 0}
      flexShrink={grow ? 1 : 0}
      flexBasis={grow ? 0 : undefined}
      paddingX={space("md")}
      paddingY={space("sm")}
      alignItems="center"
      justifyContent="center"
      borderRadius={16}
      borderWidth={look.border ? 2 : 0}
      borderColor={look.border}
      backgroundColor={look.background}
      hover={{ backgroundColor: look.hover }}
      cursor={disabled ? undefined : "pointer"}
      {...press}
    >
      <VrText role="label" textAlign="center" color={look.text}>
        {text ?? label}
      </VrText>
    </Container>
  );
}
