import type { PracticeStep } from "../ticker";

/** True when this device can speak: headless browsers and some systems have no voices. */
export function hasVoices(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): boolean {
  try {
    return !!synth && synth.getVoices().length > 0;
  } catch {
    return false;
  }
}

/** Speak a step's caption, replacing anything still being said. Captions stay on screen regardless. */
export function speakStep(step: Readonly<PracticeStep>, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): boolean {
  if (!synth || !hasVoices(synth) || typeof SpeechSynthesisUtterance !== "function") return false;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(step.caption);
  // Slightly slow and soft: this is guidance, not an announcement.
  utterance.rate = 0.85;
  utterance.volume = 0.8;
  synth.speak(utterance);
  return true;
}

/** Subscribe to voice list changes (voices load asynchronously). Returns the cleanup. */
export function onVoicesChanged(listener: () => void, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): () => void {
  if (!synth || typeof synth.addEventListener !== "function") return () => undefined;
  synth.addEventListener("voiceschanged", listener);
  return () => synth.removeEventListener("voiceschanged", listener);
}
