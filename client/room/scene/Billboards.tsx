import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { circleFrame, type CircleFrame } from "../circleFrame";
import { useRoomStore, type RoomStore } from "../roomStore";
import { LabelLayer } from "./LabelLayer";

/**
 * Names, presence and reactions above everyone (see `LabelLayer`). Labels are redrawn from a
 * store subscription when their words change — no React render — and placed every frame.
 */
export function Billboards({ circle = circleFrame, store = useRoomStore }: { circle?: CircleFrame; store?: RoomStore }) {
  const layer = useMemo(() => new LabelLayer(circle), [circle]);
  useEffect(() => {
    layer.redraw(store.getState());
    // The page font may still be loading: draw now, and again once it is ready.
    void document.fonts?.load('700 26px "Atkinson Hyperlegible"').then(() => layer.redraw(store.getState(), true));
    const off = store.subscribe((s, prev) => {
      if (s.people !== prev.people || s.pieceHolder !== prev.pieceHolder || s.handQueue !== prev.handQueue) layer.redraw(s);
    });
    return () => {
      off();
      layer.dispose();
    };
  }, [layer, store]);
  useFrame(() => layer.update(performance.now(), store.getState().reactions));
  return <primitive object={layer.mesh} />;
}
