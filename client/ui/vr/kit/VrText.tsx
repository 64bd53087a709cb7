import { Text, type VanillaText } from "@react-three/uikit";
import { useEffect, useRef } from "react";
import type { TypeRole } from "../../design";
import { registerVrText } from "../targets";
import { PIXEL_SIZE } from "./theme";
import { useVrTheme } from "./useVrTheme";

export interface VrTextProps {
  children: string;
  /** size and weight from the type scale; default "body" */
  role?: TypeRole;
  /** secondary text (sources, units, hints) in the muted colour */
  muted?: boolean;
  /** bold; headings and labels are bold anyway */
  bold?: boolean;
  textAlign?: "left" | "center" | "right";
  /** stretch to the row's remaining width (e.g. the label before a switch) */
  grow?: boolean;
  /** a colour other than the theme's text colour (buttons set this) */
  color?: string;
}

const BOLD_ROLES: readonly TypeRole[] = ["h1", "h2", "h3", "label", "caption"];

/**
 * Text on an in-VR panel, sized from the shared type scale in millimetres
 * (1.25° of visual angle for body text at the panel distance; "Larger text"
 * scales every role). Wraps inside its parent's width.
 */
export function VrText({ children, role = "body", muted = false, bold, textAlign = "left", grow = false, color }: VrTextProps) {
  const { palette, type } = useVrTheme();
  const ref = useRef<VanillaText>(null);
  const size = type[role];
  useEffect(() => (ref.current ? registerVrText(ref.current, role, children, size * PIXEL_SIZE) : undefined), [role, children, size]);
  return (
    <Text
      ref={ref}
      fontSize={size}
      lineHeight={role === "body" || role === "small" ? 1.35 : 1.2}
      fontWeight={bold ?? BOLD_ROLES.includes(role) ? "bold" : "normal"}
      color={color ?? (muted ? palette.muted : palette.text)}
      textAlign={textAlign}
      // Only a growing label in a row may give up width (and wrap); text in a column never shrinks
      // below its lines, which would draw it over its neighbours.
      flexGrow={grow ? 1 : 0}
      flexShrink={grow ? 1 : 0}
    >
      {children}
    </Text>
  );
}

/** A panel's title. */
export const VrHeading = ({ children }: { children: string }) => (
  <VrText role="h1" textAlign="center">
    {children}
  </VrText>
);
