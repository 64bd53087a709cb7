/**
 * The in-VR UI kit, on @react-three/uikit (flexbox by yoga, MSDF text in
 * Atkinson Hyperlegible). Sizes are millimetres (1 uikit px = 1 mm); colours
 * and the type scale are the page's own (ui/design.ts). See README.md here
 * for how to build a panel.
 */
export { VrSurface, VrPanel, PANEL_RENDER_ORDER, withAlpha } from "./VrPanel";
export { VrText, VrHeading } from "./VrText";
export { VrButton, buttonLook, type VrButtonVariant } from "./VrButton";
export { VrToggle } from "./VrToggle";
export { VrList, VrRow } from "./VrList";
export { usePress } from "./usePress";
export { useVrTheme } from "./useVrTheme";
export { PANEL_DISTANCE, PIXEL_SIZE, VR_BODY_MM, VR_TARGET_MM, angleOf, heightForAngle, space, vrTheme } from "./theme";
