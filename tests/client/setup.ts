import "fake-indexeddb/auto";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { useAppStore } from "../../client/state/store";

// The app's singleton store starts each test where a fresh page would.
const initial = useAppStore.getState();

afterEach(() => {
  cleanup();
  useAppStore.setState(initial, true);
  localStorage.clear();
  document.documentElement.className = "";
});

// The real XR store loads @react-three/xr and the headset emulator; DOM tests need only its surface.
vi.mock("../../client/app/xrLoader", () => {
  const store = {
    enterVR: vi.fn(() => Promise.resolve()),
    enterAR: vi.fn(() => Promise.resolve()),
    getState: () => ({ session: null, mode: null }),
    subscribe: () => () => undefined,
  };
  return { loadXrStore: () => Promise.resolve(store), currentXrStore: () => store };
});
