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
