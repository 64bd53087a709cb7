import { Text } from "@react-three/drei";
import { createContext, useContext, type ReactNode } from "react";
import { FONT_BOLD, FONT_REGULAR } from "../../scene/font";
import { headerLayout } from "./textLayout";
import { useVrTheme } from "./useVrTheme";

/** The always-there bar (help, settings, recenter, exit), shown under whichever board is up. */
export const VrBarContext = createContext<ReactNode>(null);

/** Gap between a board's bottom edge and the centre of the bar under it, m. */
const BAR_OFFSET = 0.06;

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

/**
 * A backing board with a title, hung from its top edge (the origin), so
 * boards of any height start at the same place in view; the bar follows under
 * it. Children are laid out by the caller, origin at the board's centre.
 */
export function VrPanel({ title, subtitle, width, height, children }: VrPanelProps) {
  const theme = useVrTheme();
  const bar = useContext(VrBarContext);
  const top = height / 2;
  const header = headerLayout(theme.titleSize, theme.bodySize);
  return (
    <group>
      <group position-y={-top}>
        <mesh position-z={-0.004}>
          <planeGeometry args={[width, height]} />
          <meshBasicMaterial color={theme.panel} transparent opacity={theme.panelOpacity} depthWrite={false} />
        </mesh>
        <Text font={FONT_BOLD} fontSize={theme.titleSize} position={[0, top - header.title, 0]} color={theme.title} anchorX="center" anchorY="middle" maxWidth={width - 0.06} textAlign="center">
          {title}
        </Text>
        {subtitle ? (
          <Text font={FONT_REGULAR} fontSize={theme.bodySize} position={[0, top - header.subtitle, 0]} color={theme.muted} anchorX="center" anchorY="middle" maxWidth={width - 0.06} textAlign="center">
            {subtitle}
          </Text>
        ) : null}
        {children}
      </group>
      {bar ? <group position-y={-height - BAR_OFFSET}>{bar}</group> : null}
    </group>
  );
}
