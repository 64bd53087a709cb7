import { hasVoices } from "../../practice/cues/speechCue";

/**
 * Read `text` aloud with the device's own voices (nothing leaves the device); false where there
 * are none. `onEnd` runs when it finishes or is stopped.
 */
export function readAloud(text: string, onEnd: () => void, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): boolean {
  if (!synth || !hasVoices(synth) || typeof SpeechSynthesisUtterance !== "function") return false;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.rate = 0.9;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  synth.speak(utterance);
  return true;
}

export function stopReading(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): void {
  synth?.cancel();
}
