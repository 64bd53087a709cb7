import { useRef, type KeyboardEvent } from "react";
import { NOT_THERAPY_NOTICE } from "../../../core/care/notices";
import { useAppStore } from "../../state/store";
import { useFocusTrap } from "../useFocusTrap";
import { CrisisLines } from "./CrisisLines";

/** The crisis help dialog: modal, focus kept inside, Escape or "Close" returns to where the person was. */
export function CrisisDialog() {
  const dialogRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusTrap(dialogRef, headingRef);
  const close = () => useAppStore.getState().closeCrisis();

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    // Stop here so Escape closes the dialog and does not also end a practice.
    event.stopPropagation();
    close();
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="crisis-heading"
        aria-describedby="crisis-notice"
        className="dialog crisis-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id="crisis-heading" ref={headingRef} tabIndex={-1}>
          Need help now?
        </h2>
        <p id="crisis-notice" className="notice">
          {NOT_THERAPY_NOTICE}
        </p>
        <CrisisLines />
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
