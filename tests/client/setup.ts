import "fake-indexeddb/auto";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { useAppStore } from "../../client/state/store";

// The app's singleton store starts each test where a fresh page would.
const initial = useAppStore.getState();

afterEach(() => {
  cleanup();
  useAppStore.setState(initial, true);
  localStorage.clear();
  document.documentElement.className = "";
});
