/**
 * Builds the multi-channel signed distance field (MSDF) fonts that the in-VR
 * panels (@react-three/uikit) draw with: Atkinson Hyperlegible, regular and
 * bold, from the .woff files of @fontsource/atkinson-hyperlegible.
 *
 *   npm run fonts
 *
 * writes assets/fonts/msdf/atkinson-hyperlegible-{400,700}.{json,png}. The
 * files are committed: the build and the headset never generate fonts, and
 * nothing is fetched from a font CDN (uikit's default font is Inter, loaded
 * from its own package; we never ask for it).
 *
 * The generator is @zappar/msdf-generator (msdfgen compiled to WebAssembly,
 * already a dependency of uikit). It is written for a browser worker; here it
 * runs in-process behind a tiny Worker stand-in.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { inflateSync } from "node:zlib";
import { PNG } from "pngjs";
import { MSDF_CHARSET } from "../client/ui/vr/kit/charset";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "assets", "fonts", "msdf");
const require = createRequire(import.meta.url);

/**
 * WOFF 1.0 → SFNT (TrueType). msdfgen reads TrueType only, and the font
 * package ships WOFF. A WOFF 1.0 file is a table directory whose tables are
 * stored whole or zlib-compressed, so this is a few lines of zlib; the npm
 * converters for it are unmaintained forks.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF 1.0 file");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const tag = woff.subarray(at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`table ${tag.toString("latin1")}: bad length`);
    return { tag, checksum, data };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(header, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

type Listener = (event: { data: unknown }) => void;

/**
 * Runs the package's worker module in this process: what it posts to
 * "self" reaches the client, and the client's messages reach its listener.
 */
function installWorkerStandIn(): void {
  const inside: Listener[] = [];
  const outside: Listener[] = [];
  // Messages sent before the worker module has loaded wait for its listener.
  const early: unknown[] = [];
  const deliver = (to: Listener[], data: unknown) => queueMicrotask(() => to.forEach((l) => l({ data })));
  Object.assign(globalThis, {
    addEventListener: (_type: string, l: Listener) => {
      inside.push(l);
      early.splice(0).forEach((data) => deliver(inside, data));
    },
    removeEventListener: () => undefined,
    postMessage: (data: unknown) => deliver(outside, data),
    ImageData: class {
      constructor(
        readonly data: Uint8ClampedArray,
        readonly width: number,
        readonly height: number,
      ) {}
    },
    Worker: class {
      constructor() {
        void import("@zappar/msdf-generator/worker.js");
      }
      postMessage(data: unknown) {
        if (inside.length === 0) early.push(data);
        else deliver(inside, data);
      }
      addEventListener(_type: string, l: Listener) {
        outside.push(l);
      }
      removeEventListener() {}
      terminate() {}
    },
  });
}

interface Atlas {
  texture: { data: Uint8ClampedArray; width: number; height: number };
}
interface Client {
  exportJSON(options: { atlas: Atlas; fontSize: number }): Promise<Record<string, unknown>>;
}

const FONT_SIZE = 48;
const TEXTURE: [number, number] = [512, 512];

async function main(): Promise<void> {
  installWorkerStandIn();
  const { MSDF } = await import("@zappar/msdf-generator");
  const wasm = readFileSync(require.resolve("@zappar/msdf-generator/msdfgen_wasm.wasm"));
  const msdf = new MSDF({ workerUrl: "in-process", wasmUrl: `data:application/wasm;base64,${wasm.toString("base64")}` });
  await msdf.initialize();
  const files = join(dirname(require.resolve("@fontsource/atkinson-hyperlegible/package.json")), "files");
  mkdirSync(OUT, { recursive: true });
  for (const weight of [400, 700]) {
    const font = woffToSfnt(readFileSync(join(files, `atkinson-hyperlegible-latin-${weight}-normal.woff`)));
    const options = { font: new Uint8Array(font), charset: MSDF_CHARSET, fontSize: FONT_SIZE, textureSize: TEXTURE, fieldRange: 4, padding: 2 };
    const atlas = (await msdf.generateAtlas(options)) as unknown as Atlas;
    const client = (msdf as unknown as { client: Client }).client;
    const json = await client.exportJSON({ atlas, fontSize: FONT_SIZE });
    // msdfgen draws nothing, with no advance, for a character the font lacks.
    const missing = (json.chars as { char: string; xadvance: number }[]).filter((c) => c.char !== " " && c.xadvance === 0);
    if (missing.length > 0) throw new Error(`Atkinson Hyperlegible ${weight} has no glyph for ${missing.map((c) => c.char).join(" ")}`);
    const name = `atkinson-hyperlegible-${weight}`;
    const png = new PNG({ width: atlas.texture.width, height: atlas.texture.height });
    png.data = Buffer.from(atlas.texture.data.buffer, atlas.texture.data.byteOffset, atlas.texture.data.byteLength);
    writeFileSync(join(OUT, `${name}.png`), PNG.sync.write(png));
    writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify({ ...json, pages: [`${name}.png`] })}\n`);
    console.log(`${name}: ${(json.chars as unknown[]).length} glyphs`);
  }
  await msdf.dispose();
}

await main();
