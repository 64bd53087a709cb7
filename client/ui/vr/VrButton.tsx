import { Text } from "@react-three/drei";
import type { ThreeEvent } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import { Color, MeshBasicMaterial, type Mesh } from "three";
import { FONT_BOLD } from "../../scene/font";
import { registerVrTarget } from "./targets";
import { VR_THEME } from "./theme";

export interface VrButtonProps {
  label: string;
  onSelect: () => void;
  position?: [number, number, number];
  /** m */
  width?: number;
  /** m */
  height?: number;
  selected?: boolean;
  /** the crisis button has its own colour, so it is easy to find */
  tone?: "normal" | "help";
  fontSize?: number;
}

/**
 * A large in-VR button: selectable by controller ray (trigger) or hand ray
 * (pinch), highlighted while pointed at. The highlight mutates the material
 * directly: hovering never renders React.
 */
export function VrButton({ label, onSelect, position, width = VR_THEME.buttonWidth, height = VR_THEME.buttonHeight, selected = false, tone = "normal", fontSize = VR_THEME.labelSize }: VrButtonProps) {
  const mesh = useRef<Mesh>(null);
  const base = tone === "help" ? VR_THEME.help : selected ? VR_THEME.buttonSelected : VR_THEME.button;
  const hover = tone === "help" ? VR_THEME.helpHover : VR_THEME.buttonHover;
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
    onSelect();
  };

  return (
    <group position={position}>
      <mesh ref={mesh} material={material} onPointerOver={over} onPointerOut={out} onPointerDown={down} onPointerUp={up} name={`vr-button:${label}`}>
        <planeGeometry args={[width, height]} />
      </mesh>
      <Text font={FONT_BOLD} fontSize={fontSize} maxWidth={width - 0.02} textAlign="center" color={VR_THEME.text} position-z={0.002} anchorX="center" anchorY="middle">
        {label}
      </Text>
    </group>
  );
}
