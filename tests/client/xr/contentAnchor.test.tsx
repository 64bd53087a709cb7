import { describe, expect, it, vi } from "vitest";
import ReactThreeTestRenderer from "@react-three/test-renderer";
import { act } from "react";
import type { Group } from "three";
import { create } from "zustand";
import { useAppStore } from "../../../client/state/store";
import { ContentAnchor } from "../../../client/xr/ContentAnchor";
import { STANDING_EYE_HEIGHT, anchor } from "../../../client/xr/comfort";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Just enough of @react-three/xr: whether a session runs.
const xr = vi.hoisted(() => ({ store: null as null | { setState: (s: { session: object | null }) => void } }));
vi.mock("@react-three/xr", () => {
  const store = create<{ session: object | null }>(() => ({ session: null }));
  xr.store = store;
  return { useXR: <T,>(select: (s: { session: object | null }) => T) => store(select) };
});

describe("<ContentAnchor>", () => {
  it("puts the content back where the screen's camera looks when a headset session ends", async () => {
    useAppStore.getState().updateSettings({ seated: false });
    const r = await ReactThreeTestRenderer.create(
      <ContentAnchor>
        <mesh name="content" />
      </ContentAnchor>,
    );
    const group = r.scene.children[0]!.instance as Group;
    await act(async () => xr.store!.setState({ session: {} }));
    // The headset's pose: turned, off to one side, at the headset's height.
    Object.assign(anchor, { yaw: 1.2, x: 0.4, z: -0.3, eyeY: 1.73, pending: false });
    anchor.version++;
    await r.advanceFrames(1, 1 / 60);
    expect(group.position.y).toBeCloseTo(1.73);

    await act(async () => xr.store!.setState({ session: null }));
    await r.advanceFrames(1, 1 / 60);
    expect([group.position.x, group.position.y, group.position.z, group.rotation.y]).toEqual([0, STANDING_EYE_HEIGHT, 0, 0]);
    await r.unmount();
  });
});
