/** Voice limits shared by client and server (see docs/PROTOCOL.md, "Voice"). */

/**
 * Longest session description a `signal` may carry, characters. An audio-only description with
 * Opus alone is about 1.2 KB (two audio sections about 2.5 KB); the socket's frame limit is 4 KB.
 * A longer one is sent without its candidates, which then follow one by one.
 */
export const MAX_SDP_LENGTH = 3600;
/** Longest ICE candidate line, characters. */
export const MAX_CANDIDATE_LENGTH = 512;
/** `signal` messages one person may send per second (bucket of SIGNAL_BURST); past it they are refused. */
export const SIGNAL_PER_SECOND = 16;
export const SIGNAL_BURST = 24;
/**
 * How long a client waits for its ICE candidates before sending a description, ms. On a LAN with no
 * STUN or TURN server they are all there within a few milliseconds, so one message carries the
 * description and its candidates; with a slow server the rest trickle after it.
 */
export const GATHER_WAIT_MS = 1000;
/** `speaking` changes one person may send per second (bucket of 6); more are dropped quietly. */
export const SPEAKING_PER_SECOND = 4;
/** Voice (`mic`, `setPieceMode`) switches per person per second; more are dropped quietly. */
export const VOICE_SWITCH_PER_SECOND = 4;

/** Whether an IP address (as in a candidate line) is a loopback address. */
export function isLoopbackAddress(address: string): boolean {
  return /^127\./.test(address) || address === "::1" || address === "0:0:0:0:0:0:0:1";
}
