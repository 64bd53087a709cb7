import { useEffect } from "react";
import { useAppStore } from "../../state/store";
import { startAmbience, type AmbienceVoice } from "./sounds";

const GESTURES = ["pointerdown", "keydown", "touchend"] as const;

/**
 * Plays the current environment's ambient sound at `settings.ambienceVolume`,
 * silent in passthrough AR, where the scenery it belongs to is not shown.
 * Browsers only let audio start from a user gesture, so the AudioContext is
 * created (or resumed) on the first click, key or touch. Changing place
 * crossfades; unmounting fades out and closes the context.
 */
export function useAmbience(): void {
  useEffect(() => {
    const AudioCtx = typeof window === "undefined" ? undefined : window.AudioContext;
    if (!AudioCtx) return;
    let ctx: AudioContext | null = null;
    let master: GainNode | null = null;
    let voice: AmbienceVoice | null = null;
    let playing: string | null = null;

    const apply = () => {
      if (!ctx || !master) return;
      const { settings, xrMode } = useAppStore.getState();
      const { environment, ambienceVolume } = settings;
      // Perceived loudness is roughly logarithmic: square the slider.
      const gain = xrMode === "immersive-ar" ? 0 : ambienceVolume * ambienceVolume;
      master.gain.setTargetAtTime(gain, ctx.currentTime, 0.1);
      if (playing === environment) return;
      voice?.stop();
      voice = startAmbience(ctx, environment);
      voice.output.connect(master);
      playing = environment;
    };

    const unlock = () => {
      if (!ctx) {
        ctx = new AudioCtx();
        master = ctx.createGain();
        master.gain.value = 0;
        master.connect(ctx.destination);
      }
      void ctx.resume();
      apply();
    };
    for (const g of GESTURES) window.addEventListener(g, unlock, { passive: true });
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.settings.environment !== prev.settings.environment || s.settings.ambienceVolume !== prev.settings.ambienceVolume || s.xrMode !== prev.xrMode) apply();
    });

    return () => {
      unsubscribe();
      for (const g of GESTURES) window.removeEventListener(g, unlock);
      voice?.stop();
      const closing = ctx;
      if (closing) setTimeout(() => void closing.close(), 900);
    };
  }, []);
}
