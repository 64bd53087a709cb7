import "fake-indexeddb/auto";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { useAppStore } from "../../client/state/store";
import { loadLaterScreens } from "../../client/ui/CalmSpace";

// The calm space's screens after the first load on their own in the app (a test of that loading
// renders before this resolves in its own module); here they are ready, so each step renders at once.
await loadLaterScreens();

// findBy… and waitFor wait up to 5 s (1 s by default): a lazily imported page on a busy 2-core
// machine can take longer than a second to arrive, which is slowness, not a broken screen.
configure({ asyncUtilTimeout: 5000 });

// The app's singleton store starts each test where a fresh page would.
const initial = useAppStore.getState();

afterEach(() => {
  cleanup();
  useAppStore.setState(initial, true);
  localStorage.clear();
  document.documentElement.className = "";
});

// The real XR store loads @react-three/xr and the headset emulator; DOM tests need only its surface.
vi.mock("../../client/xr/xrLoader", () => {
  const store = {
    enterVR: vi.fn(() => Promise.resolve()),
    enterAR: vi.fn(() => Promise.resolve()),
    getState: () => ({ session: null, mode: null }),
    subscribe: () => () => undefined,
  };
  return { loadXrStore: () => Promise.resolve(store), currentXrStore: () => store };
});

// In-VR text draws with MSDF atlases fetched from the app's server; there is no server here, and
// the tests read what panels say from the text registry, so the fonts simply never arrive.
vi.mock("../../client/ui/vr/kit/fonts", () => ({
  FONT_FAMILY: "atkinson",
  FONT_FAMILIES: { atkinson: { normal: () => new Promise(() => undefined), bold: () => new Promise(() => undefined) } },
}));
