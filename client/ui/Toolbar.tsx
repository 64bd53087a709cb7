import { useState } from "react";
import { SettingsPanel } from "./settings/SettingsPanel";
import { XrButtons } from "./XrButtons";

/** Settings and headset entry, on every screen. */
export function Toolbar() {
  const [open, setOpen] = useState(false);
  return (
    <div className="toolbar">
      <div className="toolbar-buttons">
        <button type="button" aria-expanded={open} aria-controls="settings" onClick={() => setOpen((v) => !v)}>
          Settings
        </button>
        <XrButtons />
      </div>
      {open && <SettingsPanel id="settings" onClose={() => setOpen(false)} />}
    </div>
  );
}
