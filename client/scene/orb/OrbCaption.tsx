import { useFrame } from "@react-three/fiber";
import { Container, Text, type VanillaContainer, type VanillaText } from "@react-three/uikit";
import { useEffect, useRef } from "react";
import { frame } from "../../state/frame";
import { registerVrText } from "../../ui/vr/targets";
import { FONT_FAMILIES, FONT_FAMILY } from "../../ui/vr/kit/fonts";
import { PANEL_DISTANCE, PIXEL_SIZE, useVrTheme, withAlpha } from "../../ui/vr/kit";

/** Where the caption hangs under the orb and the count floats over it, m (orb space, clear of the ring). */
const CAPTION_TOP = -0.4;
const COUNT_Y = 0.4;
/** Widest caption, mm before scaling: long guided prompts wrap to two or three lines. */
const CAPTION_WIDTH = 760;

/**
 * The count above the orb and the caption below it, for headsets (on a screen
 * the DOM live region shows them). Place inside the orb's group, which sits
 * further away than the panels: the text is scaled by the ratio of distances,
 * so it subtends the same visual angle as the kit's `caption` and `h2` roles.
 * White on dark pills in every theme, so both read over any sky.
 * The words change in the frame loop, only when they differ: no React render.
 */
export function OrbCaption({ distance }: { distance: number }) {
  const { palette, type } = useVrTheme();
  const caption = useRef<VanillaText>(null);
  const pill = useRef<VanillaContainer>(null);
  const count = useRef<VanillaText>(null);
  const countPill = useRef<VanillaContainer>(null);
  // What is on screen now; the count's string is built only when the number changes.
  const shown = useRef({ caption: "", count: 0 });
  const scale = distance / PANEL_DISTANCE;

  useEffect(() => {
    const c = caption.current;
    return c ? registerVrText(c, "caption", "practice caption", type.caption * PIXEL_SIZE * scale) : undefined;
  }, [type.caption, scale]);

  useFrame(() => {
    const s = shown.current;
    if (frame.caption !== s.caption) {
      s.caption = frame.caption;
      caption.current?.setProperties({ text: s.caption });
      pill.current?.setProperties({ visibility: s.caption ? "visible" : "hidden" });
    }
    const number = frame.kind === "breathing" && frame.count > 0 ? frame.count : 0;
    if (number !== s.count) {
      s.count = number;
      count.current?.setProperties({ text: number > 0 ? String(number) : "" });
      countPill.current?.setProperties({ visibility: number > 0 ? "visible" : "hidden" });
    }
  });
  // A re-render (a settings change) resets uikit's properties to the props: show the words again.
  useEffect(() => {
    shown.current = { caption: "", count: 0 };
  });

  const root = { pixelSize: PIXEL_SIZE, fontFamilies: FONT_FAMILIES, fontFamily: FONT_FAMILY, renderOrder: 5 } as const;
  return (
    <>
      <group position-y={COUNT_Y} scale={scale}>
        <Container {...root} anchorY="bottom">
          <Container ref={countPill} visibility="hidden" paddingX={24} paddingY={8} borderRadius={24} backgroundColor={withAlpha(palette.ink, 0.72)}>
            <Text ref={count} fontSize={type.h2} fontWeight="bold" color={palette.text}>
              {""}
            </Text>
          </Container>
        </Container>
      </group>
      <group position-y={CAPTION_TOP} scale={scale}>
        <Container {...root} anchorY="top" maxWidth={CAPTION_WIDTH}>
          <Container ref={pill} visibility="hidden" paddingX={28} paddingY={12} borderRadius={24} backgroundColor={withAlpha(palette.ink, 0.72)}>
            <Text ref={caption} fontSize={type.caption} lineHeight={1.2} fontWeight="bold" color={palette.text} textAlign="center">
              {""}
            </Text>
          </Container>
        </Container>
      </group>
    </>
  );
}
