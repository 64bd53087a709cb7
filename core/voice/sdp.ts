/**
 * Small, pure edits of session descriptions. WebRTC offers no API for Opus DTX; the receiver
 * declares it in the codec's format parameters (RFC 7587 `usedtx`), and the remote sender honours it.
 */

const OPUS_RTPMAP = /^a=rtpmap:(\d+) opus\/48000\/2\r?$/gim;

/** Payload types of Opus in `sdp`. */
function opusPayloadTypes(sdp: string): string[] {
  return [...sdp.matchAll(OPUS_RTPMAP)].map((m) => m[1]!);
}

/**
 * Ask for DTX (no packets while silent, a comfort-noise frame every 400 ms) on every Opus stream of
 * `sdp`: adds `usedtx=1` to each Opus `a=fmtp` line that does not have it (a line is added if
 * there is none). Applied to the description a client sends, so the other side transmits with DTX.
 */
export function withOpusDtx(sdp: string): string {
  // Section by section: with one payload type in every section (a bundle of voices), each has its own line.
  return sdp.split(/^(?=m=)/m).map((section) => withOpusDtxIn(section, sdp.includes("\r\n") ? "\r\n" : "\n")).join("");
}

function withOpusDtxIn(sdp: string, eol: string): string {
  let out = sdp;
  for (const pt of new Set(opusPayloadTypes(sdp))) {
    const fmtp = new RegExp(`^a=fmtp:${pt} ([^\\r\\n]*)$`, "m");
    const line = fmtp.exec(out);
    if (line) {
      if (/(^|;)\s*usedtx=/.test(line[1]!)) continue;
      out = out.replace(fmtp, `a=fmtp:${pt} ${line[1]};usedtx=1`);
    } else {
      out = out.replace(new RegExp(`^(a=rtpmap:${pt} opus/48000/2)\\r?$`, "mi"), `$1${eol}a=fmtp:${pt} usedtx=1`);
    }
  }
  return out;
}

/** Media kinds of the `m=` lines of `sdp`, in order ("audio", "video", "application"...). */
export function mediaKinds(sdp: string): string[] {
  return [...sdp.matchAll(/^m=([a-z]+) /gm)].map((m) => m[1]!);
}

/** `sdp` without its `a=candidate` and `a=end-of-candidates` lines (they then travel one by one). */
export function withoutCandidates(sdp: string): string {
  return sdp.replace(/^a=(candidate:|end-of-candidates)[^\n]*\n/gm, "");
}

/** Connection addresses in `sdp`'s candidate lines (for checking where traffic may go). */
export function candidateAddresses(sdp: string): string[] {
  return [...sdp.matchAll(/^a=candidate:\S+ \d+ \S+ \d+ (\S+) \d+ typ/gm)].map((m) => m[1]!);
}

/** Lines of a media section that say how its media is coded: payload types, their parameters and feedback, header extensions. */
const CODEC_LINE = /^a=(rtpmap|fmtp|rtcp-fb|extmap|rtcp-mux|rtcp-rsize|ptime|maxptime)(:|$)/;

/** `sdp` split into its session part and its media sections (each ending with its line break), with "\n" line breaks. */
function splitSections(sdp: string): { eol: string; head: string; media: string[] } {
  const [head = "", ...media] = sdp.replace(/\r\n/g, "\n").split(/^(?=m=)/m);
  return { eol: sdp.includes("\r\n") ? "\r\n" : "\n", head, media };
}

const codecLines = (section: string) => section.split("\n").filter((line) => CODEC_LINE.test(line));
/** An `m=` line's transport and formats ("UDP/TLS/RTP/SAVPF 111"). */
const formats = (section: string) => /^m=\S+ \S+ (.*)$/m.exec(section)?.[1] ?? "";

/**
 * A long answer made shorter for one room message: every media section after the first whose coding
 * lines (`rtpmap`, `fmtp`, `rtcp-fb`, `extmap`, `rtcp-mux`…) and formats are exactly the first
 * section's goes without those lines. The SFU path's receiver puts them back (`withCodecsRepeated`)
 * before Janus sees the answer. A voice then costs about 70 characters instead of about 290.
 */
export function withoutRepeatedCodecs(sdp: string): string {
  const { eol, head, media } = splitSections(sdp);
  const [first, ...rest] = media;
  const shared = first ? codecLines(first).join("\n") : "";
  if (!first || !shared) return sdp;
  const out = rest.map((s) => (formats(s) === formats(first) && codecLines(s).join("\n") === shared ? s.split("\n").filter((line) => !CODEC_LINE.test(line)).join("\n") : s));
  return [head, first, ...out].join("").replace(/\n/g, eol);
}

/**
 * The other half of `withoutRepeatedCodecs`: every media section after the first that has no
 * `a=rtpmap` and the first section's formats gets the first section's coding lines again. A section
 * that has its own is left as it is, so an answer that was not shortened comes out unchanged.
 */
export function withCodecsRepeated(sdp: string): string {
  const { eol, head, media } = splitSections(sdp);
  const [first, ...rest] = media;
  const shared = first ? codecLines(first) : [];
  if (!first || !shared.some((line) => line.startsWith("a=rtpmap:"))) return sdp;
  const out = rest.map((s) => (formats(s) === formats(first) && !/^a=rtpmap:/m.test(s) ? `${s.endsWith("\n") ? s : `${s}\n`}${shared.join("\n")}\n` : s));
  return [head, first, ...out].join("").replace(/\n/g, eol);
}
