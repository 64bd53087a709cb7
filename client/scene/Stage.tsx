import { Canvas, useFrame } from "@react-three/fiber";
import { Suspense, useState, type ReactNode } from "react";
import type { EnvironmentId } from "../../core/environments";
import { XR, useXR } from "@react-three/xr";
import { BreathingOrb } from "./orb/BreathingOrb";
import { tickPractice } from "../practice/ticker";
import { useAppStore } from "../state/store";
import { ContentAnchor } from "../xr/ContentAnchor";
import { LazyVrPanels } from "../xr/headsetOnly";
import { wantsEmulator } from "../xr/emulator";
import { exposeTestHooks } from "../state/testHooks";
import { vrTargets, vrTexts } from "../ui/vr/targets";
import { XrInput } from "../xr/XrInput";
import { xrStore } from "../xr/xrStore";
import { startAmbience } from "./ambience/sounds";
import { useAmbience } from "./ambience/useAmbience";
import { ENVIRONMENTS } from "./environments";
import { LookControls } from "./LookControls";
import { ScreenFraming } from "./orb/ScreenFraming";
import { useSceneTime } from "./sceneTime";
import { isSoftwareRenderer, rendererName, SoftwarePacer, SOFTWARE_DPR } from "./softwarePacing";

/**
 * The one per-frame driver: advances the practice (the window's animation
 * frames stop during an XR session, this loop does not) and the scenery
 * clock. Runs before the orb reads `frame`.
 */
function FrameDriver() {
  useFrame(() => tickPractice(performance.now()), -1);
  useSceneTime();
  return null;
}

/** The calm place `id`, or the person's own choice; none in passthrough AR, where their own room is the scenery. */
export function Scenery({ id }: { id?: EnvironmentId }) {
  const chosen = useAppStore((s) => s.settings.environment);
  const ar = useXR((s) => s.mode === "immersive-ar");
  const Environment = ENVIRONMENTS[id ?? chosen];
  return ar ? null : <Environment />;
}

/** In-VR panels, loaded only once a session runs (on a screen the DOM has every control). */
function HeadsetPanels() {
  const inXr = useAppStore((s) => s.xrMode !== null);
  return inXr ? (
    <Suspense fallback={null}>
      <LazyVrPanels />
    </Suspense>
  ) : null;
}

function Pacer() {
  const practising = useAppStore((s) => s.screen === "practice");
  return practising ? <BreathingOrb /> : null;
}

/** The calm space: the chosen place, and the orb and (in a headset) the panels in front of the viewer. */
function CalmContent() {
  return (
    <>
      <Scenery />
      <ScreenFraming />
      <ContentAnchor>
        <Pacer />
        <HeadsetPanels />
      </ContentAnchor>
    </>
  );
}

/**
 * The full-screen 3D stage behind the DOM interface: the calm space by default, or
 * `children` (a circle) instead, with the same renderer, XR session, look controls and
 * frame driver. `place` sets the ambient sound's place. Enter a session with
 * `xrStore.enterVR()` / `enterAR()`. Where WebGL is drawn in software, the stage draws fewer
 * pixels and frames so the page stays quick to answer (softwarePacing.tsx).
 */
export function Stage({ children, place }: { children?: ReactNode; place?: EnvironmentId }) {
  useAmbience(place);
  const [software, setSoftware] = useState(false);
  return (
    <Canvas
      dpr={software ? SOFTWARE_DPR : [1, 1.5]}
      frameloop={software ? "demand" : "always"}
      camera={{ fov: 70, near: 0.05, far: 1000, position: [0, 1.2, 0] }}
      // MSAA is what makes thin edges calm in a headset; the software-rendered
      // emulator in tests cannot afford it.
      gl={{ antialias: !wantsEmulator(), powerPreference: "high-performance" }}
      style={{ position: "fixed", inset: 0, touchAction: "none" }}
      onCreated={({ gl, scene, camera }) => {
        exposeTestHooks({ gl, scene, camera, vrTargets, vrTexts, xrStore, startAmbience });
        setSoftware(isSoftwareRenderer(rendererName(gl.getContext())));
        // <XR> has connected the store to this renderer by now; until then enterVR() would fail.
        useAppStore.getState().setStageReady(true);
      }}
    >
      <XR store={xrStore}>
        <FrameDriver />
        <LookControls />
        {children ?? <CalmContent />}
        <XrInput />
        {software && <SoftwarePacer />}
      </XR>
    </Canvas>
  );
}

export default Stage;
