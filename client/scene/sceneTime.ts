import { useFrame } from "@react-three/fiber";
import { useAppStore } from "../state/store";

/**
 * Time that drives scenery motion (water, motes, aurora), s. It only advances
 * while reduced motion is off, so with reduced motion the scenery stands still
 * where it was rather than jumping.
 */
export const sceneTime = { seconds: 0 };

/**
 * The same time as a shader uniform. Scenery materials share this one
 * object, so a single write per frame moves every shader.
 */
export const sceneTimeUniform = { value: 0 };

/** Longest step taken in one frame, s: after a stall the scenery resumes, it does not leap. */
const MAX_STEP = 0.1;

/** Advance `sceneTime`; mount once, inside the Canvas. */
export function useSceneTime(): void {
  useFrame((_, delta) => {
    if (useAppStore.getState().settings.reducedMotion) return;
    sceneTime.seconds += Math.min(delta, MAX_STEP);
    sceneTimeUniform.value = sceneTime.seconds;
  });
}
