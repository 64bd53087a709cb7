import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import { Vector3, type PerspectiveCamera } from "three";
import { useAppStore } from "../../state/store";

/** Outer radius of the cycle ring, the widest part of the pacer, m at the orb's own scale. */
const RING_RADIUS = 0.312;
/** Clear space kept between the ring and the page's panels, CSS px. */
const MARGIN = 12;
/** The pacer is never drawn smaller than this share of its natural size to make room (a short window with larger text needs about 0.4). */
const MIN_ZOOM = 0.35;
/** The page's fixed parts the orb keeps clear of: above it, and the practice card below. */
const ABOVE = ".app-header, .crisis-button";
const BELOW = "main";

/** Where the view window sits and how far it zooms out, as `camera.setViewOffset` takes them. */
export interface Framing {
  zoom: number;
  offsetX: number;
  offsetY: number;
}

/**
 * The framing that puts a ring of radius `r0` px, centred `y0` px down an unmoved `width` × `height`
 * view, midway between `top` and `bottom` (CSS px): zoomed out only as far as it takes to keep
 * MARGIN clear on both sides, and never below MIN_ZOOM.
 */
export function frameRing(y0: number, r0: number, top: number, bottom: number, width: number, out: Framing): Framing {
  const room = bottom - top - 2 * MARGIN;
  out.zoom = Math.max(MIN_ZOOM, Math.min(1, room / (2 * r0)));
  // Zoomed by `zoom` about the view's top-left, then moved so the ring is centred in the space.
  out.offsetY = out.zoom * y0 - (top + bottom) / 2;
  out.offsetX = ((out.zoom - 1) * width) / 2;
  return out;
}

// Reused when reframing (only when the layout changes), never allocated then.
const centre = new Vector3();
const edge = new Vector3();
const up = new Vector3();
const scale = new Vector3();

/**
 * On a screen during practice, frame the scene so the orb and its ring sit in the open space
 * between the page's header and the caption card, whatever the card's height (larger text, a long
 * guided prompt, a short window): a view offset that moves the picture up and, only where the space
 * is too small for the ring, draws it a little smaller. Nothing in the scene moves, so drag-to-look
 * is unchanged. Reframed when the card or the window changes size. A headset frames itself.
 */
export function ScreenFraming() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const scene = useThree((s) => s.scene);
  const { width, height } = useThree((s) => s.size);
  const practising = useAppStore((s) => s.screen === "practice");
  const inXr = useAppStore((s) => s.xrMode !== null);
  const dirty = useRef(true);
  const framed = useRef(false);
  const target = useRef<Framing>({ zoom: 1, offsetX: 0, offsetY: 0 });
  const current = useRef<Framing>({ zoom: 1, offsetX: 0, offsetY: 0 });
  const active = practising && !inXr && camera.isPerspectiveCamera;

  useEffect(() => {
    framed.current = false;
    if (!active) {
      camera.clearViewOffset();
      return undefined;
    }
    dirty.current = true;
    const card = document.querySelector(BELOW);
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => void (dirty.current = true));
    if (card) observer?.observe(card);
    return () => {
      observer?.disconnect();
      camera.clearViewOffset();
    };
  }, [active, camera, width, height]);

  useFrame((_, delta) => {
    if (!active) return;
    const goal = target.current;
    const now = current.current;
    if (dirty.current) {
      const orb = scene.getObjectByName("breathing-orb");
      if (!orb?.parent) return;
      dirty.current = false;
      // Where the orb and ring fall with the picture unmoved, CSS px.
      camera.clearViewOffset();
      camera.updateMatrixWorld();
      orb.parent.getWorldPosition(centre);
      const radius = RING_RADIUS * orb.parent.getWorldScale(scale).x;
      up.setFromMatrixColumn(camera.matrixWorld, 1);
      edge.copy(centre).addScaledVector(up, radius).project(camera);
      centre.project(camera);
      const y0 = ((1 - centre.y) / 2) * height;
      const r0 = Math.abs(edge.y - centre.y) * (height / 2);
      // The open space: under the header and help button, above the card.
      let top = 0;
      for (const el of document.querySelectorAll(ABOVE)) top = Math.max(top, el.getBoundingClientRect().bottom);
      const card = document.querySelector(BELOW);
      frameRing(y0, r0, top, card ? card.getBoundingClientRect().top : height, width, goal);
      // The first framing of a practice is at once; later ones (a longer prompt) glide there.
      if (!framed.current) Object.assign(now, goal);
      framed.current = true;
    } else if (Math.abs(now.offsetY - goal.offsetY) < 0.5 && Math.abs(now.zoom - goal.zoom) < 1e-3) return;
    const k = Math.min(1, delta * 3);
    now.zoom += (goal.zoom - now.zoom) * k;
    now.offsetX += (goal.offsetX - now.offsetX) * k;
    now.offsetY += (goal.offsetY - now.offsetY) * k;
    camera.setViewOffset(width * now.zoom, height * now.zoom, now.offsetX, now.offsetY, width, height);
  });

  return null;
}
