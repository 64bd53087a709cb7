import { useEffect } from "react";
import { orbUniforms } from "./orbMaterials";

/** Tint the orb (CSS colour) while the calling place is shown; the orb then suits its sky. */
export function useOrbTint(color: string): void {
  useEffect(() => {
    orbUniforms.uTint.value.set(color);
  }, [color]);
}
