import { Container, type VanillaContainer } from "@react-three/uikit";
import { useEffect, useRef } from "react";
import { registerVrTarget } from "../targets";
import { space, VR_TARGET_MM } from "./theme";
import { usePress } from "./usePress";
import { useVrTheme } from "./useVrTheme";
import { VrText } from "./VrText";

export interface VrToggleProps {
  /** the setting's name; also what tests aim at */
  label: string;
  on: boolean;
  onToggle: () => void;
}

const TRACK = { width: 64, height: 36, knob: 28 };

/**
 * An on/off setting as one wide row: its name, a switch, and the state in
 * words ("On" / "Off"), so it never rests on colour alone. The whole row is
 * the target.
 */
export function VrToggle({ label, on, onToggle }: VrToggleProps) {
  const { palette } = useVrTheme();
  const ref = useRef<VanillaContainer>(null);
  const press = usePress(onToggle);
  useEffect(() => (ref.current ? registerVrTarget(ref.current, label) : undefined), [label]);
  return (
    <Container
      ref={ref}
      flexDirection="row"
      alignItems="center"
      gap={space("md")}
      minHeight={VR_TARGET_MM}
      flexShrink={0}
      paddingX={space("md")}
      borderRadius={16}
      backgroundColor={palette.raised}
      hover={{ backgroundColor: palette.raisedHover }}
      cursor="pointer"
      {...press}
    >
      <VrText grow>{label}</VrText>
      <VrText role="small" muted={!on} bold={on}>
        {on ? "On" : "Off"}
      </VrText>
      <Container
        width={TRACK.width}
        height={TRACK.height}
        borderRadius={TRACK.height / 2}
        padding={(TRACK.height - TRACK.knob) / 2}
        backgroundColor={on ? palette.accent : palette.ink}
        borderWidth={2}
        borderColor={on ? palette.accent : palette.line}
        justifyContent={on ? "flex-end" : "flex-start"}
        flexShrink={0}
      >
        <Container width={TRACK.knob - 4} height={TRACK.knob - 4} borderRadius={TRACK.knob / 2} backgroundColor={on ? palette.accentText : palette.muted} />
      </Container>
    </Container>
  );
}
