import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { LoadBoundary } from "./LoadBoundary";
import { whenIdle } from "./whenIdle";
import { XrButtons } from "./XrButtons";

// The settings panel loads on its own, fetched once the first screen is idle.
const loadSettings = () => import("./settings/SettingsPanel").then((m) => ({ default: m.SettingsPanel }));
const SettingsPanel = lazy(loadSettings);

/** Settings and headset entry, on every screen. */
export function Toolbar() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => whenIdle(() => void loadSettings().catch(() => undefined)), []);
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
      {open && (
        <LoadBoundary title="Settings">
          {/* The toggle controls #settings from the first moment it is open: while the panel's code arrives, its place says so. */}
          <Suspense
            fallback={
              <section id="settings" className="settings-panel" aria-busy="true" aria-label="Settings">
                <p role="status">Loading settings…</p>
              </section>
            }
          >
            <SettingsPanel id="settings" onClose={close} />
          </Suspense>
        </LoadBoundary>
      )}
    </div>
  );
}
