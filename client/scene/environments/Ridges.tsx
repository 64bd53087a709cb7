import { useEffect, useMemo } from "react";
import { DoubleSide } from "three";
import { createRidgeGeometry, type RidgeLayer } from "./ridges";

/** Far silhouettes around the viewer (hills, treelines, headlands), fogged into the haze, in one draw call. */
export function Ridges({ layers, segments }: { layers: readonly RidgeLayer[]; segments?: number }) {
  const geometry = useMemo(() => createRidgeGeometry(layers, segments), [layers, segments]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <mesh geometry={geometry} frustumCulled={false} renderOrder={-6}>
      <meshBasicMaterial vertexColors side={DoubleSide} />
    </mesh>
  );
}
