import { Text } from "@react-three/drei";
import type { ReactNode } from "react";
import { FONT_BOLD, FONT_REGULAR } from "../../scene/font";
import { VR_THEME } from "./theme";

export interface VrPanelProps {
  title: string;
  /** a line under the title */
  subtitle?: string;
  /** m */
  width: number;
  /** m */
  height: number;
  children: ReactNode;
}

/** A backing board with a title; children are laid out by the caller, origin at the board's centre. */
export function VrPanel({ title, subtitle, width, height, children }: VrPanelProps) {
  const top = height / 2;
  return (
    <group>
      <mesh position-z={-0.004}>
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial color={VR_THEME.panel} transparent opacity={VR_THEME.panelOpacity} depthWrite={false} />
      </mesh>
      <Text font={FONT_BOLD} fontSize={VR_THEME.titleSize} position={[0, top - 0.05, 0]} color={VR_THEME.text} anchorX="center" anchorY="middle" maxWidth={width - 0.06} textAlign="center">
        {title}
      </Text>
      {subtitle ? (
        <Text font={FONT_REGULAR} fontSize={VR_THEME.bodySize} position={[0, top - 0.095, 0]} color={VR_THEME.muted} anchorX="center" anchorY="middle" maxWidth={width - 0.06} textAlign="center">
          {subtitle}
        </Text>
      ) : null}
      {children}
    </group>
  );
}
