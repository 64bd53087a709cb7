import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { CylinderGeometry, InstancedMesh, Matrix4, MeshBasicMaterial } from "three";
import { seatPlacement } from "../../../core/circle";
import { MAX_SEATS } from "../../../core/protocol";
import { circleFrame, type CircleFrame } from "../circleFrame";

const placement = { x: 0, z: 0, yaw: 0 };
const m = new Matrix4();

/** A soft cushion at every place around the circle, taken or free: one instanced draw call. */
class CushionRing {
  readonly mesh = new InstancedMesh(
    new CylinderGeometry(0.3, 0.33, 0.1, 32),
    new MeshBasicMaterial({ color: "#c9b99f", transparent: true, opacity: 0.55 }),
    MAX_SEATS + 1,
  );
  private laidOut = -1;

  constructor(private readonly circle: CircleFrame) {
    this.mesh.name = "seat-cushions";
    this.mesh.count = 0;
  }

  /** Lay the cushions out again when the circle's size changed. */
  update(): void {
    if (this.laidOut === this.circle.version) return;
    this.laidOut = this.circle.version;
    const places = Math.min(this.circle.places, MAX_SEATS + 1);
    for (let k = 0; k < places; k++) {
      seatPlacement(k, places, placement);
      m.makeTranslation(placement.x, 0.05, placement.z);
      this.mesh.setMatrixAt(k, m);
    }
    this.mesh.count = places;
    this.mesh.instanceMatrix.needsUpdate = true;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    (this.mesh.material as MeshBasicMaterial).dispose();
  }
}

export function SeatCushions({ circle = circleFrame }: { circle?: CircleFrame }) {
  const ring = useMemo(() => new CushionRing(circle), [circle]);
  useEffect(() => () => ring.dispose(), [ring]);
  useFrame(() => ring.update());
  return <primitive object={ring.mesh} />;
}
