import type { Candidate, Description, IceServer } from "../../../core/protocol";
import { PeerLink, type OutgoingSignal } from "./PeerLink";

/** What the mesh needs around it: the signalling route and where incoming voices go. */
export interface MeshHost {
  signal(to: string, signal: OutgoingSignal): void;
  /** a voice arrived from `id` (again, after a renegotiation) */
  stream(id: string, stream: MediaStream): void;
  /** the connection to `id` closed */
  gone(id: string): void;
}

/**
 * Peer-to-peer audio: one PeerLink per person this one is linked to (core/voice `linked`: at least
 * one of the two may be heard), opened and closed as the circle's state changes. The person whose
 * sessionId sorts first is polite (docs/PROTOCOL.md, "Mesh signalling").
 */
export class VoiceMesh {
  private readonly links = new Map<string, PeerLink>();
  private track: MediaStreamTrack | null = null;

  constructor(
    private readonly me: string,
    private readonly iceServers: readonly IceServer[],
    private readonly host: MeshHost,
  ) {}

  /** The microphone track every link sends (null: none). */
  setTrack(track: MediaStreamTrack | null): void {
    this.track = track;
    for (const link of this.links.values()) link.setTrack(track);
  }

  /** Keep a connection to `id` (created once). */
  open(id: string): PeerLink {
    let link = this.links.get(id);
    if (!link) {
      link = new PeerLink(id, this.me < id, this.iceServers, (signal) => this.host.signal(id, signal), (stream) => this.host.stream(id, stream));
      link.setTrack(this.track);
      this.links.set(id, link);
    }
    return link;
  }

  close(id: string): void {
    const link = this.links.get(id);
    if (!link) return;
    this.links.delete(id);
    link.close();
    this.host.gone(id);
  }

  has(id: string): boolean {
    return this.links.has(id);
  }

  /** Close every link whose id `keep` says no to. */
  prune(keep: (id: string) => boolean): void {
    for (const id of this.links.keys()) if (!keep(id)) this.close(id);
  }

  /**
   * A signal from `from`. The server relays only between linked people, and its relay can overtake
   * the patch that links the two: a signal opens the link here if `mayOpen` agrees.
   */
  receive(from: string, signal: { description?: Description; candidate?: Candidate }, mayOpen: boolean): void {
    const link = this.links.get(from) ?? (mayOpen ? this.open(from) : undefined);
    void link?.receive(signal);
  }

  /** Every open link, for statistics. */
  connections(): IterableIterator<PeerLink> {
    return this.links.values();
  }

  closeAll(): void {
    for (const id of [...this.links.keys()]) this.close(id);
  }
}
