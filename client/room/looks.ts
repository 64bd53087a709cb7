import type { Look } from "../../core/protocol";

/**
 * Each look's colours and name: a soft main tone (the swatch, the seat, the avatar's head and
 * body) and a lighter one for the hands. Muted, natural tones that sit well in every place —
 * none of them alarming red or neon. The DOM view and the 3D avatars read the same table.
 */
export const LOOK_COLOURS: Readonly<Record<Look, { main: string; hands: string; name: string }>> = {
  sage: { main: "#9db8a2", hands: "#c4d8c6", name: "Sage" },
  sky: { main: "#8fb6dc", hands: "#bfd6ee", name: "Sky" },
  sand: { main: "#d6c09a", hands: "#ebdcc0", name: "Sand" },
  moss: { main: "#7f9b6e", hands: "#abc29c", name: "Moss" },
  dusk: { main: "#9a90c6", hands: "#c3bce0", name: "Dusk" },
  coral: { main: "#e09c8c", hands: "#f0c3b8", name: "Coral" },
  slate: { main: "#8a97a8", hands: "#b6c0cd", name: "Slate" },
  plum: { main: "#a986aa", hands: "#cdb2ce", name: "Plum" },
};
