import { Container } from "@react-three/uikit";
import type { ReactNode } from "react";
import { space } from "./theme";
import { useVrTheme } from "./useVrTheme";

export interface VrListProps {
  children: ReactNode;
  /** the list's height before it scrolls, mm */
  maxHeight: number;
}

/**
 * A vertical list that scrolls once it is taller than `maxHeight`: drag it
 * with the ray or a pinch (uikit's scrolling; the scrollbar shows where you
 * are). Rows are any kit element, usually VrButton or VrRow; a row you
 * build yourself needs `flexShrink={0}`, or yoga squeezes it to fit.
 */
export function VrList({ children, maxHeight }: VrListProps) {
  const { palette } = useVrTheme();
  return (
    <Container
      flexDirection="column"
      gap={space("sm")}
      maxHeight={maxHeight}
      overflow="scroll"
      flexShrink={1}
      paddingRight={space("sm")}
      scrollbarWidth={8}
      scrollbarColor={palette.line}
      scrollbarBorderRadius={4}
    >
      {children}
    </Container>
  );
}

/** Children side by side with the standard gap (a row of buttons, a label and its value). */
export function VrRow({ children, justify = "center" }: { children: ReactNode; justify?: "center" | "space-between" | "flex-start" }) {
  return (
    <Container flexDirection="row" flexWrap="wrap" alignItems="center" justifyContent={justify} gap={space("sm")}>
      {children}
    </Container>
  );
}
