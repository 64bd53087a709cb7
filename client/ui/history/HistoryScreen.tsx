import { useEffect, useState } from "react";
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

  const deleteAll = async () => {
    await clearHistory();
    setLoaded({ status: "ready", sessions: [] });
  };

  return (
    <section aria-labelledby="history-heading" className="screen">
      <ScreenHeading id="history-heading">History</ScreenHeading>
      <p className="hint">Stored only in this browser on this device. Nothing is sent anywhere.</p>
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
