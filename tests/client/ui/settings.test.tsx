import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../../client/app/App";
import { currentXrStore } from "../../../client/xr/xrLoader";
import { useAppStore } from "../../../client/state/store";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("settings and headset entry", () => {
  it("applies comfort settings to the page at once", async () => {
    render(<App stage={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.click(await screen.findByLabelText("Larger text"));
    fireEvent.click(screen.getByLabelText("High contrast"));
    expect(document.documentElement.classList.contains("large-text")).toBe(true);
    expect(document.documentElement.classList.contains("high-contrast")).toBe(true);
    fireEvent.change(screen.getByLabelText("Tone volume"), { target: { value: "20" } });
    expect(useAppStore.getState().settings.toneVolume).toBeCloseTo(0.2);
    fireEvent.click(screen.getByLabelText("Standing"));
    expect(useAppStore.getState().settings.seated).toBe(false);
  });

  it("says when spoken guidance is impossible on this device", async () => {
    vi.stubGlobal("speechSynthesis", { getVoices: () => [], addEventListener: () => undefined, removeEventListener: () => undefined });
    render(<App stage={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    expect(await screen.findByText("No voices on this device")).toBeTruthy();
    expect((screen.getByLabelText("Spoken guidance") as HTMLInputElement).disabled).toBe(true);
  });

  it("offers Enter VR where immersive VR is supported, and Enter AR only where AR is", async () => {
    vi.stubGlobal("navigator", Object.assign(Object.create(navigator) as Navigator, { xr: { isSessionSupported: (mode: string) => Promise.resolve(mode === "immersive-vr") } }));
    useAppStore.getState().setStageReady(true);
    render(<App stage={false} />);
    const enter = await screen.findByRole("button", { name: "Enter VR" });
    expect(screen.queryByRole("button", { name: "Enter AR" })).toBeNull();
    fireEvent.click(enter);
    expect(currentXrStore()?.enterVR).toHaveBeenCalled();
  });

  it("holds back Enter VR until the 3D stage can host a session", async () => {
    vi.stubGlobal("navigator", Object.assign(Object.create(navigator) as Navigator, { xr: { isSessionSupported: () => Promise.resolve(true) } }));
    render(<App stage={false} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole("button", { name: "Enter VR" })).toBeNull();
    act(() => useAppStore.getState().setStageReady(true));
    expect(await screen.findByRole("button", { name: "Enter VR" })).toBeTruthy();
  });

  it("shows no headset buttons without WebXR", async () => {
    render(<App stage={false} />);
    await Promise.resolve();
    expect(screen.queryByRole("button", { name: "Enter VR" })).toBeNull();
  });
});

describe("settings panel focus", () => {
  it("returns focus to the Settings button when closed", async () => {
    render(<App stage={false} />);
    const toggle = screen.getByRole("button", { name: "Settings" });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(await screen.findByRole("button", { name: "Close settings" }));
    expect(screen.queryByLabelText("Larger text")).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});
