import ReactThreeTestRenderer from "@react-three/test-renderer";
import type { ReactNode } from "react";
import type { Object3D } from "three";
import { act } from "react";
import { VrSurface } from "../../../client/ui/vr/kit";
import { vrTexts } from "../../../client/ui/vr/targets";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Renderer = Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>;

/** Let uikit load its layout engine and lay the panels out (it does so on frames). */
export async function settle(r: Renderer): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await r.advanceFrames(1, 0.016);
    });
  }
}

/** Render in-VR panels as a headset would: inside the kit's root surface, laid out. */
export async function renderVr(panel: ReactNode): Promise<Renderer> {
  const r = await ReactThreeTestRenderer.create(<VrSurface>{panel}</VrSurface>);
  await settle(r);
  return r;
}

/** The uikit element registered under `label` in the scene, if any (buttons and toggles register themselves). */
export function target(r: Renderer, label: string): Object3D | undefined {
  let found: Object3D | undefined;
  r.scene.instance.traverse((o) => {
    if (o.userData.vrLabel === label) found = o;
  });
  return found;
}

export const hasButton = (r: Renderer, label: string) => target(r, label) !== undefined;

/** Everything the panels say, joined (what a person would read). */
export const words = () =>
  vrTexts()
    .map((t) => t.text)
    .join("\n");

/** A trigger pull or pinch: down then up by the same pointer, as the XR pointer dispatches them. */
export async function press(r: Renderer, label: string, pointerId = 1) {
  const object = target(r, label);
  if (!object) throw new Error(`no in-VR button "${label}"`);
  const event = (type: string) => ({ type, pointerId, stopPropagation() {} }) as never;
  await act(async () => {
    object.dispatchEvent(event("pointerdown"));
    object.dispatchEvent(event("pointerup"));
  });
  await settle(r);
}
