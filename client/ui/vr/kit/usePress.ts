import { useRef } from "react";

/** The part of a pointer event a press needs (R3F / uikit / @react-three/xr events all have it). */
export interface PressEvent {
  pointerId: number;
  stopPropagation(): void;
}

export interface PressHandlers {
  onPointerDown(e: PressEvent): void;
  onPointerUp(e: PressEvent): void;
  onPointerLeave(): void;
}

/**
 * A press is down-then-up on the same control by the same pointer (ray or
 * pinch), however long it is held. A "click" must release within 300 ms,
 * which slow frames and people with a tremor or a slow pinch can miss.
 * Sliding off the control cancels the press.
 */
export function usePress(onSelect: () => void, disabled = false): PressHandlers {
  const pressedBy = useRef<number | null>(null);
  return {
    onPointerDown(e) {
      e.stopPropagation();
      pressedBy.current = e.pointerId;
    },
    onPointerUp(e) {
      e.stopPropagation();
      if (pressedBy.current !== e.pointerId) return;
      pressedBy.current = null;
      if (!disabled) onSelect();
    },
    onPointerLeave() {
      pressedBy.current = null;
    },
  };
}
