import { useEffect, useState } from "react";
import { currentXrStore, loadXrStore } from "../xr/xrLoader";
import { useAppStore } from "../state/store";
import { preloadHeadsetParts } from "../xr/headsetOnly";

type Support = { vr: boolean; ar: boolean };

async function detect(): Promise<Support> {
  // The XR store installs the emulated headset in dev/test builds, so ask only after it has loaded.
  await loadXrStore();
  const xr = navigator.xr;
  if (!xr) return { vr: false, ar: false };
  const ask = (mode: XRSessionMode) => xr.isSessionSupported(mode).catch(() => false);
  const [vr, ar] = await Promise.all([ask("immersive-vr"), ask("immersive-ar")]);
  return { vr, ar };
}

/** "Enter VR" / "Enter AR", each shown only where this browser and device support it. */
export function XrButtons() {
  const [support, setSupport] = useState<Support>({ vr: false, ar: false });
  const inXr = useAppStore((s) => s.xrMode !== null);
  // Until the 3D stage is up, a session would start with nothing to show it.
  const ready = useAppStore((s) => s.stageReady);

  useEffect(() => {
    let live = true;
    detect().then(
      (s) => {
        if (!live) return;
        setSupport(s);
        if (s.vr || s.ar) preloadHeadsetParts();
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (inXr || !ready) return null;
  // requestSession needs the click's user activation, so call the already-loaded store synchronously.
  const enter = (mode: "vr" | "ar") => {
    const store = currentXrStore();
    if (!store) return;
    (mode === "vr" ? store.enterVR() : store.enterAR()).catch((error: unknown) => console.warn(`Could not enter ${mode.toUpperCase()}`, error));
  };
  return (
    <>
      {support.vr && (
        <button type="button" onClick={() => enter("vr")}>
          Enter VR
        </button>
      )}
      {support.ar && (
        <button type="button" onClick={() => enter("ar")}>
          Enter AR
        </button>
      )}
    </>
  );
}
