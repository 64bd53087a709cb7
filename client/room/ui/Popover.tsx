import { useEffect, useRef, type ReactNode, type RefObject } from "react";

/**
 * A panel that opens above the toolbar from its button (a disclosure, not a modal): Escape or a
 * press outside closes it and puts focus back on the button; its first control takes focus when
 * it opens, so keyboard and screen-reader users land in it.
 */
export function Popover({
  id,
  label,
  toggle,
  onClose,
  initialFocus,
  children,
}: {
  id: string;
  label: string;
  toggle: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
  /** what takes focus on opening (a CSS selector inside the panel); else its first control after "Close" */
  initialFocus?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const panel = ref.current;
    const wanted = initialFocus ? panel?.querySelector<HTMLElement>(initialFocus) : null;
    // Else the first control after the panel's own "Close".
    (wanted ?? panel?.querySelectorAll<HTMLElement>("button:not(:disabled), input, select, [href]")[1])?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!panel?.contains(e.target as Node) && !toggle.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [onClose, toggle, initialFocus]);
  return (
    <div
      ref={ref}
      id={id}
      role="group"
      aria-labelledby={`${id}-label`}
      className="popover"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
        toggle.current?.focus();
      }}
    >
      <div className="popover-head">
        <span id={`${id}-label`}>{label}</span>
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            onClose();
            toggle.current?.focus();
          }}
        >
          Close
        </button>
      </div>
      {children}
    </div>
  );
}
