import { Text } from "@react-three/drei";
import type { ThreeEvent } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import { Color, MeshBasicMaterial, type Mesh } from "three";
import { FONT_BOLD } from "../../scene/font";
import { registerVrTarget } from "./targets";
import { fitLabelSize } from "./textLayout";
import { VR_THEME } from "./theme";
import { useVrTheme } from "./useVrTheme";

export interface VrButtonProps {
  /** what tests and assistive tools aim at; unique on a screen. Also the text shown, unless `text` is given */
  label: string;
  /** the text on the button when it differs from `label` (e.g. "+" for "Ambience +") */
  text?: string;
  onSelect: () => void;
  position?: [number, number, number];
  /** m */
  width?: number;
  /** m */
  height?: number;
  selected?: boolean;
  /** the crisis button has its own colour, so it is easy to find */
  tone?: "normal" | "help";
  /** label size, m; defaults to the theme's (which follows "Larger text") */
  fontSize?: number;
  /** shown dimmed and does nothing when pressed */
  disabled?: boolean;
}

/**
 * A large in-VR button: selectable by controller ray (trigger) or hand ray
 * (pinch), highlighted while pointed at. The highlight mutates the material
 * directly: hovering never renders React.
 */
export function VrButton({ label, text, onSelect, position, width, height, selected = false, tone = "normal", fontSize, disabled = false }: VrButtonProps) {
  const theme = useVrTheme();
  const w = width ?? theme.buttonWidth;
  const h = height ?? theme.buttonHeight;
  const mesh = useRef<Mesh>(null);
  const base = tone === "help" ? theme.help : selected ? theme.buttonSelected : disabled ? theme.panel : theme.button;
  const hover = disabled ? base : tone === "help" ? theme.helpHover : theme.buttonHover;
  const colors = useMemo(() => ({ base: new Color(base), hover: new Color(hover) }), [base, hover]);
  const material = useMemo(() => new MeshBasicMaterial({ color: colors.base }), [colors]);
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => (mesh.current ? registerVrTarget(mesh.current, label) : undefined), [label]);

  // A press is down-then-up on this button by the same pointer, however long
  // it is held. A "click" would have to release within 300 ms, which slow
  // frames (and people with a tremor or slow pinch) can miss.
  const pressedBy = useRef<number | null>(null);
  const over = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    material.color.copy(colors.hover);
  };
  const out = () => {
    pressedBy.current = null;
    material.color.copy(colors.base);
  };
  const down = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    pressedBy.current = e.pointerId;
  };
  const up = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    if (pressedBy.current !== e.pointerId) return;
    pressedBy.current = null;
    if (!disabled) onSelect();
  };

  return (
    <group position={position}>
      <mesh ref={mesh} material={material} onPointerOver={over} onPointerOut={out} onPointerDown={down} onPointerUp={up} name={`vr-button:${label}`}>
        <planeGeometry args={[w, h]} />
      </mesh>
      <Text
        font={FONT_BOLD}
        fontSize={fontSize ?? fitLabelSize(text ?? label, theme.labelSize, w - 0.02, h - 0.01, VR_THEME.labelSize)}
        maxWidth={w - 0.02}
        textAlign="center"
        color={selected && tone !== "help" ? theme.selectedText : disabled ? theme.muted : theme.text}
        fillOpacity={disabled ? 0.6 : 1}
        position-z={0.002}
        anchorX="center"
        anchorY="middle"
      >
        {text ?? label}
      </Text>
    </group>
  );
}
