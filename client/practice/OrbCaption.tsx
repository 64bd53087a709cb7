import { Text } from "@react-three/drei";
import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import type { Object3D } from "three";
import { FONT_BOLD, FONT_REGULAR } from "../scene/font";
import { frame } from "../state/frame";

/** troika's Text mesh: the fields we set imperatively. */
interface TroikaText extends Object3D {
  text: string;
  sync(): void;
}

/**
 * The count above the orb and the caption below it, for headsets (on a screen
 * the DOM live region shows them). Place inside the orb's group.
 */
export function OrbCaption() {
  const caption = useRef<TroikaText>(null);
  const count = useRef<TroikaText>(null);

  useFrame(() => {
    // troika re-lays out text on sync(); do it only when the words change.
    const c = caption.current;
    if (c && c.text !== frame.caption) {
      c.text = frame.caption;
      c.sync();
    }
    const n = count.current;
    const countText = frame.kind === "breathing" && frame.count > 0 ? String(frame.count) : "";
    if (n && n.text !== countText) {
      n.text = countText;
      n.sync();
    }
  });

  return (
    <>
      <Text ref={count} font={FONT_BOLD} fontSize={0.09} position={[0, 0.4, 0]} color="#fff8ec" anchorX="center" anchorY="middle">
        {""}
      </Text>
      <Text
        ref={caption}
        font={FONT_REGULAR}
        fontSize={0.075}
        maxWidth={1.1}
        textAlign="center"
        position={[0, -0.42, 0]}
        color="#fff8ec"
        outlineWidth={0.004}
        outlineColor="#1b2033"
        anchorX="center"
        anchorY="top"
      >
        {""}
      </Text>
    </>
  );
}
