import type { MicState } from "./voiceStore";

/** What the browser is asked for: one voice, cleaned up (echo, background noise, level). */
export const MIC_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
  video: false,
};

/** The microphone, or why not: `denied` (refused by the person or the browser) or `unavailable`. */
export async function openMicrophone(
  media: Pick<MediaDevices, "getUserMedia"> | undefined = globalThis.navigator?.mediaDevices,
): Promise<{ stream: MediaStream } | { refused: Extract<MicState, "denied" | "unavailable"> }> {
  if (!media?.getUserMedia) return { refused: "unavailable" };
  try {
    return { stream: await media.getUserMedia(MIC_CONSTRAINTS) };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return { refused: name === "NotAllowedError" || name === "SecurityError" ? "denied" : "unavailable" };
  }
}
