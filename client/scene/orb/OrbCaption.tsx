import { Text } from "@react-three/drei";
import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import type { Object3D } from "three";
import { FONT_BOLD, FONT_REGULAR } from "../font";
import { frame } from "../../state/frame";
import { useAppStore } from "../../state/store";
import { LARGE_TEXT_SCALE } from "../../state/settings";

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
  // The number last shown (0 = none): the count's string is built only when
  // the number changes, about once a second, not on every XR frame.
  const shown = useRef(0);
  const largeText = useAppStore((s) => s.settings.largeText);
  const scale = largeText ? LARGE_TEXT_SCALE : 1;

  useFrame(() => {
    // troika re-lays out text on sync(); do it only when the words change.
    const c = caption.current;
    if (c && c.text !== frame.caption) {
      c.text = frame.caption;
      c.sync();
    }
    const n = count.current;
    const number = frame.kind === "breathing" && frame.count > 0 ? frame.count : 0;
    if (n && number !== shown.current) {
      n.text = number > 0 ? String(number) : "";
      n.sync();
      shown.current = number;
    }
  });

  return (
    <>
      <Text ref={count} font={FONT_BOLD} fontSize={0.09 * scale} position={[0, 0.4, 0]} color="#fff8ec" anchorX="center" anchorY="middle">
        {""}
      </Text>
      <Text
        ref={caption}
        font={FONT_REGULAR}
        fontSize={0.075 * scale}
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
