import type ReactThreeTestRenderer from "@react-three/test-renderer";

export type Renderer = Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>;

export const button = (r: Renderer, label: string) => r.scene.findByProps({ name: `vr-button:${label}` });
export const hasButton = (r: Renderer, label: string) => r.scene.findAll((n) => n.props.name === `vr-button:${label}`).length > 0;

/** Everything the panel says, joined. */
export const words = (r: Renderer) =>
  r.scene
    .findAll((n) => typeof n.props.name === "string" && (n.props.name as string).startsWith("text:"))
    .map((n) => (n.props.name as string).slice(5))
    .join("\n");

/** A trigger pull or pinch: down then up by the same pointer. */
export async function press(r: Renderer, label: string, pointerId = 1) {
  const b = button(r, label);
  await r.fireEvent(b, "onPointerDown", { pointerId });
  await r.fireEvent(b, "onPointerUp", { pointerId });
}
