import { useEffect, useRef, useState } from "react";
import { clearHistory, listSessions, type SessionRecord } from "../../practice/history";
import { useAppStore } from "../../state/store";
import { ScreenHeading } from "../ScreenHeading";
import { DeleteHistory } from "./DeleteHistory";
import { HistoryChart } from "./HistoryChart";
import { HistoryList } from "./HistoryList";

type Loaded = { status: "loading" } | { status: "ready"; sessions: SessionRecord[] } | { status: "error" };

/** Past sessions, kept on this device only. */
export function HistoryScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const back = useAppStore((s) => s.historyFrom);
  const [notice, setNotice] = useState("");
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    listSessions().then(
      (sessions) => live && setLoaded({ status: "ready", sessions }),
      () => live && setLoaded({ status: "error" }),
    );
    return () => {
      live = false;
    };
  }, []);

  // A failure rejects to DeleteHistory, which shows it and keeps its buttons.
  const deleteAll = async () => {
    await clearHistory();
    setLoaded({ status: "ready", sessions: [] });
    setNotice("History deleted.");
    // The confirm box is about to go; without this, focus would fall to the page's start.
    sectionRef.current?.querySelector<HTMLElement>("#history-heading")?.focus();
  };

  return (
    <section ref={sectionRef} aria-labelledby="history-heading" className="screen">
      <ScreenHeading id="history-heading">History</ScreenHeading>
      <p className="hint">Stored only in this browser on this device. Nothing is sent anywhere.</p>
      {/* Present from the start, so screen readers hear it when text arrives. */}
      <p role="status" aria-live="polite" className="history-notice">
        {notice}
      </p>
      {loaded.status === "loading" && <p>Loading…</p>}
      {loaded.status === "error" && <p>History is not available in this browser (private browsing may block it).</p>}
      {loaded.status === "ready" && loaded.sessions.length === 0 && <p>No sessions yet.</p>}
      {loaded.status === "ready" && loaded.sessions.length > 0 && (
        <>
          <HistoryChart sessions={loaded.sessions} />
          <HistoryList sessions={loaded.sessions} />
          <DeleteHistory count={loaded.sessions.length} onDelete={deleteAll} />
        </>
      )}
      <p>
        <button type="button" className="secondary" onClick={() => useAppStore.getState().go(back)}>
          Back
        </button>
      </p>
    </section>
  );
}
