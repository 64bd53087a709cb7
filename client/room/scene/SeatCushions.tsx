import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { CylinderGeometry, InstancedMesh, Matrix4, MeshBasicMaterial } from "three";
import { seatPlacement } from "../../../core/circle";
import { MAX_SEATS } from "../../../core/protocol";
import { circleFrame, type CircleFrame } from "../circleFrame";

const placement = { x: 0, z: 0, yaw: 0 };
const m = new Matrix4();

/** Seat height, m: where a seated figure's body rests. */
const SEAT_HEIGHT = 0.42;

/**
 * A soft, round seat (a pouf) at every place around the circle, taken or free, but not under this
 * person, who looks out from theirs: one instanced draw call.
 */
class CushionRing {
  readonly mesh = new InstancedMesh(
    new CylinderGeometry(0.22, 0.26, SEAT_HEIGHT, 32).translate(0, SEAT_HEIGHT / 2, 0),
    new MeshBasicMaterial({ color: "#cdbfa6", transparent: true, opacity: 0.8 }),
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
    let n = 0;
    for (let k = 0; k < places; k++) {
      if (k === this.circle.mySeat) continue;
      seatPlacement(k, places, placement);
      m.makeTranslation(placement.x, 0, placement.z);
      this.mesh.setMatrixAt(n++, m);
    }
    this.mesh.count = n;
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
