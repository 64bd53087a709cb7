import { useEffect, useState } from "react";
import type { AggregateResponse } from "../../core/protocol/http";
import { MIN_AGGREGATE_N } from "../../core/protocol/rules";
import { AggregateChart } from "./AggregateChart";
import { api } from "./api";
import { useFacilitator } from "./useFacilitator";

type Loaded = { status: "loading" } | { status: "ready"; aggregate: AggregateResponse } | { status: "error"; message: string };

/**
 * A past session's before/after figures: a small chart where at least MIN_AGGREGATE_N people answered
 * both check-ins, and otherwise a plain "not enough answers" (fewer could single out one person).
 */
export function SessionAggregate({ sessionId }: { sessionId: string }) {
  const { token, report } = useFacilitator();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.aggregate(token, sessionId).then(
      (aggregate) => live && setLoaded({ status: "ready", aggregate }),
      (e: unknown) => live && setLoaded({ status: "error", message: report(e, "aggregate") }),
    );
    return () => {
      live = false;
    };
  }, [token, sessionId, report, attempt]);

  if (loaded.status === "loading") return <p className="hint">Loading check-in figures…</p>;
  if (loaded.status === "error") {
    return (
      <div className="aggregate-error">
        <p className="error">{loaded.message}</p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setLoaded({ status: "loading" });
            setAttempt((n) => n + 1);
          }}
        >
          Try loading the figures again
        </button>
      </div>
    );
  }
  const a = loaded.aggregate;
  if (a.available && a.n >= MIN_AGGREGATE_N && a.meanBefore !== null && a.meanAfter !== null) {
    return <AggregateChart n={a.n} meanBefore={a.meanBefore} meanAfter={a.meanAfter} />;
  }
  const minimum = a.available ? MIN_AGGREGATE_N : a.minimum;
  return (
    <p className="not-enough">
      Not enough answers to show. Figures appear once at least {minimum} people answered both check-ins, so that no one's answer can be singled out.
    </p>
  );
}
