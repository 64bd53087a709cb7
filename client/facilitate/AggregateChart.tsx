import { useId } from "react";

const W = 320;
const H = 78;
const PAD = { left: 52, right: 34, top: 8, bottom: 20 };
const ROW = (H - PAD.top - PAD.bottom) / 2;
const x = (v: number) => PAD.left + (v / 10) * (W - PAD.left - PAD.right);
const one = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

/** "up 1.9", "down 0.4", "no change": the change of the average, to one decimal. */
export function describeMeanChange(before: number, after: number): string {
  const diff = Math.round((after - before) * 10) / 10;
  return diff > 0 ? `up ${diff.toFixed(1)}` : diff < 0 ? `down ${(-diff).toFixed(1)}` : "no change";
}

/**
 * The group's average feeling (0–10) before and after, as two bars: hollow before, filled after,
 * like the personal history chart. The caption says the same in words.
 */
export function AggregateChart({ n, meanBefore, meanAfter }: { n: number; meanBefore: number; meanAfter: number }) {
  const id = useId();
  const rows = [
    { label: "Before", value: meanBefore, className: "before" },
    { label: "After", value: meanAfter, className: "after" },
  ];
  return (
    <figure className="aggregate-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>
          Average feeling out of 10: {one(meanBefore)} before, {one(meanAfter)} after
        </title>
        {[0, 5, 10].map((v) => (
          <g key={v} className="grid">
            <line x1={x(v)} x2={x(v)} y1={PAD.top} y2={H - PAD.bottom} />
            <text x={x(v)} y={H - 6} textAnchor="middle">
              {v}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const top = PAD.top + i * ROW + 4;
          return (
            <g key={row.label}>
              <text className="row-label" x={PAD.left - 8} y={top + ROW / 2} textAnchor="end">
                {row.label}
              </text>
              <rect className={row.className} x={x(0)} y={top} width={Math.max(1, x(row.value) - x(0))} height={ROW - 8} rx={3} />
              <text className="value" x={x(row.value) + 6} y={top + ROW / 2}>
                {one(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {n} people answered both check-ins. On average they felt {one(meanBefore)} out of 10 before and {one(meanAfter)} after (
        {describeMeanChange(meanBefore, meanAfter)}).
      </figcaption>
    </figure>
  );
}
