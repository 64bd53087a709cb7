import { Container } from "@react-three/uikit";
import type { ReactNode } from "react";
import { FONT_FAMILIES, FONT_FAMILY } from "./fonts";
import { PIXEL_SIZE, space } from "./theme";
import { useVrTheme } from "./useVrTheme";
import { VrHeading, VrText } from "./VrText";

/**
 * Panels draw after the scene's own see-through parts (the orb's halo and
 * ring, water, aurora), so nothing in the scenery is drawn across them.
 */
export const PANEL_RENDER_ORDER = 10;

/** Hex colour with an alpha byte, the form uikit reads with correct colour management. */
export function withAlpha(hex: string, alpha: number): string {
  return `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0")}`;
}

/**
 * The root of a group of in-VR panels: 1 px = 1 mm, the app's font, hung
 * from its top edge (its origin) so boards of any height start at the same
 * place in view. Children stack downwards. Place it in a <group> that sets
 * where it is in the world. `hang="bottom"` hangs it from its bottom edge
 * instead, so a bar that ends the stack stays put while boards of any height
 * rise above it.
 */
export function VrSurface({ children, hang = "top" }: { children: ReactNode; hang?: "top" | "bottom" }) {
  const { palette } = useVrTheme();
  return (
    <Container
      pixelSize={PIXEL_SIZE}
      fontFamilies={FONT_FAMILIES}
      fontFamily={FONT_FAMILY}
      color={palette.text}
      anchorY={hang}
      flexDirection="column"
      alignItems="center"
      gap={space("md")}
      renderOrder={PANEL_RENDER_ORDER}
    >
      {children}
    </Container>
  );
}

export interface VrPanelProps {
  title: string;
  /** a line under the title */
  subtitle?: string;
  /** mm */
  width: number;
  /** fully opaque, so nothing behind it (the orb) shows through: for crisis help */
  solid?: boolean;
  children?: ReactNode;
}

/** A board: title, optional subtitle, then its children in a column, on the translucent surface colour. */
export function VrPanel({ title, subtitle, width, solid = false, children }: VrPanelProps) {
  const { palette } = useVrTheme();
  return (
    <Container
      width={width}
      flexDirection="column"
      gap={space("md")}
      padding={space("lg")}
      borderRadius={28}
      backgroundColor={withAlpha(palette.surface, solid ? 1 : palette.surfaceAlpha)}
      borderWidth={2}
      borderColor={withAlpha(palette.line, 0.5)}
    >
      <VrHeading>{title}</VrHeading>
      {subtitle ? (
        <VrText muted textAlign="center">
          {subtitle}
        </VrText>
      ) : null}
      {children}
    </Container>
  );
}
