import { describe, expect, it } from "vitest";
import { isSoftwareRenderer, pacedInterval } from "../../../client/scene/softwarePacing";

describe("drawing in software", () => {
  it("knows a processor-drawn renderer from a graphics chip by the name the browser gives", () => {
    for (const name of [
      "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
      "Google SwiftShader",
      "llvmpipe (LLVM 15.0.6, 256 bits)",
      "Mesa/X.org, softpipe",
      "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)",
    ])
      expect(isSoftwareRenderer(name), name).toBe(true);
    for (const name of [
      "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)",
      "ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)",
      "Apple GPU",
      "Adreno (TM) 740",
      "Mali-G78",
      "WebKit WebGL",
      "",
    ])
      expect(isSoftwareRenderer(name), name).toBe(false);
  });

  it("draws at half the rate the scene manages when free, within 2 and 30 frames a second", () => {
    expect(pacedInterval(20)).toBeCloseTo(100);
    expect(pacedInterval(8)).toBeCloseTo(250);
    expect(pacedInterval(120)).toBeCloseTo(1000 / 30);
    expect(pacedInterval(1.5)).toBe(500);
    expect(pacedInterval(0)).toBe(500);
    expect(pacedInterval(Number.NaN)).toBe(500);
  });
});
