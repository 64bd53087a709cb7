import type { Camera, Scene, WebGLRenderer } from "three";
import { startAmbience } from "../scene/ambience/sounds";
import { useAppStore } from "../state/store";
import { vrTargets } from "../ui/vr/targets";
import { xrStore } from "./xrStore";

/**
 * Handles for end-to-end tests and benchmarks on `window.__brTest`: the
 * renderer (draw calls), the scene, the stores and the in-VR buttons. Only in
 * dev servers and `--mode test` builds; production exposes nothing.
 */
export function exposeForTests(gl: WebGLRenderer, scene: Scene, camera?: Camera): () => void {
  if (!(import.meta.env.DEV || import.meta.env.MODE === "test")) return () => {};
  const w = window as unknown as { __brTest?: Record<string, unknown> };
  const hooks = (w.__brTest ??= {});
  Object.assign(hooks, { gl, scene, camera, vrTargets, xrStore, startAmbience, store: hooks.store ?? useAppStore });
  return () => {
    if (hooks.gl === gl) delete hooks.gl;
    if (hooks.scene === scene) delete hooks.scene;
  };
}
