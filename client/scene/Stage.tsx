import { Canvas, useFrame } from "@react-three/fiber";
import { Suspense } from "react";
import { XR, useXR } from "@react-three/xr";
import { BreathingOrb } from "../practice/BreathingOrb";
import { tickPractice } from "../practice/ticker";
import { useAppStore } from "../state/store";
import { ContentAnchor } from "../xr/ContentAnchor";
import { LazyVrPanels } from "../xr/headsetOnly";
import { wantsEmulator } from "../xr/emulator";
import { exposeForTests } from "../xr/testHooks";
import { XrInput } from "../xr/XrInput";
import { xrStore } from "../xr/xrStore";
import { useAmbience } from "./ambience/useAmbience";
import { ENVIRONMENTS } from "./environments";
import { LookControls } from "./LookControls";
import { useSceneTime } from "./sceneTime";

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

function Scenery() {
  const id = useAppStore((s) => s.settings.environment);
  // In passthrough AR the person's own room is the scenery.
  const ar = useXR((s) => s.mode === "immersive-ar");
  const Environment = ENVIRONMENTS[id];
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

/**
 * The full-screen 3D stage behind the DOM interface: the chosen environment,
 * the breathing orb, and (in a headset) the in-VR panels. Enter a session
 * with `xrStore.enterVR()` / `enterAR()`.
 */
export function Stage() {
  useAmbience();
  return (
    <Canvas
      dpr={[1, 1.5]}
      camera={{ fov: 70, near: 0.05, far: 1000, position: [0, 1.2, 0] }}
      // MSAA is what makes thin edges calm in a headset; the software-rendered
      // emulator in tests cannot afford it.
      gl={{ antialias: !wantsEmulator(), powerPreference: "high-performance" }}
      style={{ position: "fixed", inset: 0, touchAction: "none" }}
      onCreated={({ gl, scene, camera }) => {
        exposeForTests(gl, scene, camera);
        // <XR> has connected the store to this renderer by now; until then enterVR() would fail.
        useAppStore.getState().setStageReady(true);
      }}
    >
      <XR store={xrStore}>
        <FrameDriver />
        <Scenery />
        <LookControls />
        <ContentAnchor>
          <Pacer />
          <HeadsetPanels />
        </ContentAnchor>
        <XrInput />
      </XR>
    </Canvas>
  );
}

export default Stage;
