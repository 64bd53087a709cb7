import { mayBeHeard } from "../../core/voice";
import type { CircleState } from "./CircleState";

/** Told when who may be heard changes (the SFU bridge moderates and re-subscribes from it). */
export interface FloorListener {
  /** `heard` is the set of sessionIds who may be heard now (the same Set object each time: read it, don't keep it) */
  floorChanged(heard: ReadonlySet<string>): void;
}

/**
 * Who may be heard in this circle (core/voice `mayBeHeard`), kept current from the state itself:
 * `sync` runs before every patch, so a mute, the talking piece changing hands, talking-piece mode,
 * a dropped connection or a role change all take effect whichever handler made them. Someone who
 * may no longer be heard stops showing as speaking, and the SFU (when there is one) is told.
 */
export class VoiceFloor {
  private readonly heard = new Set<string>();
  private readonly next = new Set<string>();
  private listener: FloorListener | null = null;

  constructor(private readonly state: CircleState) {}

  /** Follow changes (one listener: the circle's SFU bridge). */
  listen(listener: FloorListener | null): void {
    this.listener = listener;
    listener?.floorChanged(this.heard);
  }

  /** Whether `id` may be heard as of the last `sync`. */
  has(id: string): boolean {
    return this.heard.has(id);
  }

  /** Recompute who may be heard; cheap (one pass over at most MAX_SEATS people), run before each patch. */
  sync(): void {
    const { state, next, heard } = this;
    next.clear();
    state.participants.forEach((p, id) => {
      if (mayBeHeard(id, p, state)) next.add(id);
      else if (p.speaking) p.speaking = false;
    });
    let changed = next.size !== heard.size;
    for (const id of next) if (!heard.has(id)) changed = true;
    if (!changed) return;
    heard.clear();
    for (const id of next) heard.add(id);
    this.listener?.floorChanged(heard);
  }
}
