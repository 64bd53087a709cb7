import { useRef, useState } from "react";
import { SettingsPanel } from "./settings/SettingsPanel";
import { XrButtons } from "./XrButtons";

/** Settings and headset entry, on every screen. */
export function Toolbar() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Closing from inside the panel would otherwise drop focus to the page's start.
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  return (
    <div className="toolbar">
      <div className="toolbar-buttons">
        <button
          ref={toggleRef}
          type="button"
          aria-expanded={open}
          aria-controls="settings"
          onClick={() => setOpen((v) => !v)}
          // Escape on the toggle closes the open panel; it must not also stop a practice.
          onKeyDown={(e) => {
            if (e.key === "Escape" && open) {
              e.preventDefault();
              setOpen(false);
            }
          }}
        >
          Settings
        </button>
        <XrButtons />
      </div>
      {open && <SettingsPanel id="settings" onClose={close} />}
    </div>
  );
}
