import { CanvasTexture, LinearFilter, SRGBColorSpace } from "three";

/** Atlas layout: 4 columns × 16 rows of 256 × 64 px slots on one 1024 × 1024 canvas. */
export const ATLAS_SIZE = 1024;
export const SLOT_W = 256;
export const SLOT_H = 64;
export const COLUMNS = ATLAS_SIZE / SLOT_W;
export const SLOTS = COLUMNS * (ATLAS_SIZE / SLOT_H);
/** Width over height of one label. */
export const LABEL_ASPECT = SLOT_W / SLOT_H;

const FONT = '"Atkinson Hyperlegible", system-ui, sans-serif';

/** What one slot shows: a name and, smaller, a status line; or a reaction. */
export interface LabelText {
  title: string;
  status: string;
  /** a warm accent for the status (a raised hand, the talking piece) */
  accent?: boolean;
}

/**
 * Name labels and reaction bubbles drawn with the page's own font onto one canvas, so every
 * label in the circle is one texture and one draw call. A slot is redrawn only when what it says
 * changes (someone joins, raises a hand, is muted…), never per frame.
 */
export class LabelAtlas {
  readonly canvas: HTMLCanvasElement;
  readonly texture: CanvasTexture;
  private readonly ctx: CanvasRenderingContext2D | null;

  constructor() {
    this.canvas = document.createElement("canvas");
    this.canvas.width = this.canvas.height = ATLAS_SIZE;
    this.ctx = this.canvas.getContext("2d");
    this.texture = new CanvasTexture(this.canvas);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearFilter;
    this.texture.generateMipmaps = false;
  }

  /** UV offset (bottom-left) of `slot`, written into `out` at `o`. */
  static uv(slot: number, out: { [i: number]: number }, o: number): void {
    const column = slot % COLUMNS;
    const row = Math.floor(slot / COLUMNS);
    out[o] = (column * SLOT_W) / ATLAS_SIZE;
    // The texture is flipped on upload: canvas row 0 is the top, v = 1.
    out[o + 1] = 1 - ((row + 1) * SLOT_H) / ATLAS_SIZE;
  }

  /** Draw a person's label into `slot`. */
  draw(slot: number, { title, status, accent }: LabelText): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const x = (slot % COLUMNS) * SLOT_W;
    const y = Math.floor(slot / COLUMNS) * SLOT_H;
    ctx.clearRect(x, y, SLOT_W, SLOT_H);
    ctx.font = `700 26px ${FONT}`;
    const titleWidth = Math.min(SLOT_W - 16, ctx.measureText(title).width);
    ctx.font = `400 18px ${FONT}`;
    const statusWidth = status ? Math.min(SLOT_W - 16, ctx.measureText(status).width) : 0;
    const width = Math.max(titleWidth, statusWidth) + 24;
    const left = x + (SLOT_W - width) / 2;
    ctx.fillStyle = "rgba(15, 23, 32, 0.74)";
    ctx.beginPath();
    ctx.roundRect(left, y + 2, width, SLOT_H - 4, 14);
    ctx.fill();
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillStyle = "#eef3f7";
    ctx.font = `700 26px ${FONT}`;
    ctx.fillText(title, x + SLOT_W / 2, y + (status ? 22 : SLOT_H / 2), SLOT_W - 16);
    if (status) {
      ctx.font = `400 18px ${FONT}`;
      ctx.fillStyle = accent ? "#ffd98a" : "#b7c4cf";
      ctx.fillText(status, x + SLOT_W / 2, y + 47, SLOT_W - 16);
    }
    this.texture.needsUpdate = true;
  }

  /** Draw a reaction bubble (a heart, or a word) into `slot`. */
  drawReaction(slot: number, kind: "heart" | "wave" | "metoo" | "clap"): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const x = (slot % COLUMNS) * SLOT_W;
    const y = Math.floor(slot / COLUMNS) * SLOT_H;
    ctx.clearRect(x, y, SLOT_W, SLOT_H);
    const words = { heart: "Sending care", wave: "Waving hello", metoo: "Me too", clap: "Applause" }[kind];
    ctx.font = `700 24px ${FONT}`;
    const width = ctx.measureText(words).width + 60;
    const left = x + (SLOT_W - width) / 2;
    ctx.fillStyle = "rgba(255, 244, 220, 0.92)";
    ctx.beginPath();
    ctx.roundRect(left, y + 6, width, SLOT_H - 12, 24);
    ctx.fill();
    // A small heart mark for every reaction: warmth, not a score.
    const hx = left + 22;
    const hy = y + SLOT_H / 2;
    ctx.fillStyle = kind === "heart" ? "#d9666f" : "#c98a4b";
    ctx.beginPath();
    ctx.moveTo(hx, hy + 8);
    ctx.bezierCurveTo(hx - 14, hy - 2, hx - 6, hy - 14, hx, hy - 5);
    ctx.bezierCurveTo(hx + 6, hy - 14, hx + 14, hy - 2, hx, hy + 8);
    ctx.fill();
    ctx.fillStyle = "#2b2118";
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    ctx.fillText(words, left + 40, hy + 1);
    this.texture.needsUpdate = true;
  }

  dispose(): void {
    this.texture.dispose();
  }
}
