import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** A small line chart as a standalone SVG file (no plotting library: a few axes and polylines). */
export interface Series {
  name: string;
  points: Array<[number, number]>;
  /** dashed line (e.g. a limit) */
  dashed?: boolean;
}

export interface Chart {
  title: string;
  x: { label: string; ticks?: number[] };
  y: { label: string; log?: boolean; min?: number; max?: number };
  series: Series[];
  /** vertical markers, e.g. the knees */
  markers?: Array<{ x: number; label: string }>;
}

const COLORS = ["#2f6f8f", "#c0603a", "#6a8f3a", "#8a5a9e", "#9e8a2f", "#555"];
const W = 700, H = 380, L = 70, R = 200, T = 40, B = 50;

export function writeChart(file: string, c: Chart): void {
  const xs = c.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = c.series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => Number.isFinite(v) && (!c.y.log || v > 0));
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const log = c.y.log === true;
  const yMinRaw = c.y.min ?? (log ? Math.min(...ys) : 0);
  const yMaxRaw = c.y.max ?? Math.max(...ys);
  const y0 = log ? Math.pow(10, Math.floor(Math.log10(yMinRaw))) : yMinRaw;
  const y1 = log ? Math.pow(10, Math.ceil(Math.log10(yMaxRaw))) : niceCeil(yMaxRaw);
  const fy = (v: number) => (log ? (Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0)) : (v - y0) / (y1 - y0));
  const px = (v: number) => L + ((v - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (v: number) => T + (1 - fy(Math.max(v, log ? y0 : -Infinity))) * (H - T - B);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${L}" y="22" font-size="14" font-weight="bold">${esc(c.title)}</text>`);
  const yTicks = log
    ? Array.from({ length: Math.round(Math.log10(y1 / y0)) + 1 }, (_, i) => y0 * Math.pow(10, i))
    : Array.from({ length: 6 }, (_, i) => y0 + ((y1 - y0) * i) / 5);
  for (const v of yTicks) {
    out.push(`<line x1="${L}" x2="${W - R}" y1="${py(v)}" y2="${py(v)}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${L - 6}" y="${py(v) + 4}" text-anchor="end">${fmt(v)}</text>`);
  }
  for (const v of c.x.ticks ?? [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<line x1="${px(v)}" x2="${px(v)}" y1="${T}" y2="${H - B}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${px(v)}" y="${H - B + 16}" text-anchor="middle">${fmt(v)}</text>`);
  }
  out.push(`<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/>`);
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">${esc(c.x.label)}</text>`);
  out.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(c.y.label)}</text>`);
  (c.markers ?? []).forEach((m, i) => {
    out.push(`<line x1="${px(m.x)}" x2="${px(m.x)}" y1="${T}" y2="${H - B}" stroke="#b00" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${px(m.x) + 4}" y="${T + 12 + 14 * i}" fill="#b00">${esc(m.label)}</text>`);
  });
  c.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const pts = s.points.filter((p) => Number.isFinite(p[1])).map((p) => `${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""} points="${pts.join(" ")}"/>`);
    if (!s.dashed) for (const p of pts) out.push(`<circle cx="${p.split(",")[0]}" cy="${p.split(",")[1]}" r="3" fill="${color}"/>`);
    out.push(`<line x1="${W - R + 12}" x2="${W - R + 32}" y1="${T + 10 + i * 18}" y2="${T + 10 + i * 18}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    out.push(`<text x="${W - R + 38}" y="${T + 14 + i * 18}">${esc(s.name)}</text>`);
  });
  out.push("</svg>");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${out.join("\n")}\n`);
}

function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((n) => n >= v)!;
}

function fmt(v: number): string {
  if (v >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  return `${+v.toFixed(v < 1 ? 2 : 1)}`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
