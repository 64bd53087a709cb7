import type { SessionRecord } from "../../practice/history";

/** How many recent sessions the chart shows. */
export const CHART_SESSIONS = 10;

// Drawn in the card's own units: at full card width one unit is about one CSS pixel, so the
// labels come out at the page's small text size.
const W = 600;
const H = 220;
const PAD = { left: 34, right: 12, top: 14, bottom: 40 };
const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const y = (v: number) => PAD.top + (1 - v / 10) * (H - PAD.top - PAD.bottom);

/**
 * Before/after per session, oldest on the left: a hollow dot for before, a
 * filled one for after, joined by a line. The figure caption carries the
 * same facts as text for screen readers and for anyone who prefers words.
 */
export function HistoryChart({ sessions }: { sessions: readonly SessionRecord[] }) {
  const recent = sessions.filter((s) => s.before !== null || s.after !== null).slice(0, CHART_SESSIONS).reverse();
  if (recent.length === 0) return null;
  const step = (W - PAD.left - PAD.right) / Math.max(1, recent.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const text = recent
    .map((s) => `${new Date(s.date).toLocaleDateString()}: before ${s.before ?? "skipped"}, after ${s.after ?? "skipped"}`)
    .join("; ");

  return (
    <figure className="history-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" width="100%">
        <title id="chart-title">How you felt before and after your last {recent.length === 1 ? "session" : `${recent.length} sessions`}</title>
        <desc id="chart-desc">{text}</desc>
        {[0, 5, 10].map((v) => (
          <g key={v} className="grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 8} y={y(v) + 5} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {recent.map((s, i) => (
          <g key={s.id ?? i} className="session">
            {s.before !== null && s.after !== null && <line className="change" x1={x(i)} x2={x(i)} y1={y(s.before)} y2={y(s.after)} />}
            {s.before !== null && <circle className="before" cx={x(i)} cy={y(s.before)} r={6} />}
            {s.after !== null && <circle className="after" cx={x(i)} cy={y(s.after)} r={6} />}
            <text className="day" x={x(i)} y={H - 12} textAnchor="middle">
              {dayFormat.format(s.date)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>Hollow dot: before. Filled dot: after. Oldest on the left.</figcaption>
    </figure>
  );
}
