import type { IceServer } from "../../core/protocol";

/** What the server knows about carrying voices (from ICE_SERVERS and JANUS_URL). */
export interface VoiceDeps {
  /** STUN / TURN servers every client uses; none by default */
  iceServers: IceServer[];
}
