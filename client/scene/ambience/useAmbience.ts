import { useEffect, useRef } from "react";
import type { EnvironmentId } from "../../../core/environments";
import { useAppStore } from "../../state/store";
import { startAmbience, type AmbienceVoice } from "./sounds";

const GESTURES = ["pointerdown", "keydown", "touchend"] as const;

/**
 * Plays the current environment's ambient sound at `settings.ambienceVolume`,
 * silent in passthrough AR, where the scenery it belongs to is not shown.
 * Browsers only let audio start from a user gesture, so the AudioContext is
 * created (or resumed) on the first click, key or touch. Changing place
 * crossfades; unmounting fades out and closes the context. `place` overrides the
 * person's own setting (a circle's environment is the facilitator's choice).
 */
export function useAmbience(place?: EnvironmentId): void {
  const override = useRef(place);
  const reapply = useRef<() => void>(() => undefined);
  useEffect(() => {
    override.current = place;
    reapply.current();
  }, [place]);

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
      const { ambienceVolume } = settings;
      const environment = override.current ?? settings.environment;
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
    reapply.current = apply;
    for (const g of GESTURES) window.addEventListener(g, unlock, { passive: true });
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.settings.environment !== prev.settings.environment || s.settings.ambienceVolume !== prev.settings.ambienceVolume || s.xrMode !== prev.xrMode) apply();
    });

    return () => {
      reapply.current = () => undefined;
      unsubscribe();
      for (const g of GESTURES) window.removeEventListener(g, unlock);
      voice?.stop();
      const closing = ctx;
      if (closing) setTimeout(() => void closing.close(), 900);
    };
  }, []);
}
