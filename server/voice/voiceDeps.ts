import type { IceServer } from "../../core/protocol";
import type { SfuServer } from "./SfuServer";

/** What the server knows about carrying voices (from ICE_SERVERS and JANUS_URL). */
export interface VoiceDeps {
  /** STUN / TURN servers every client uses; none by default */
  iceServers: IceServer[];
  /** Janus (JANUS_URL): circles carry voices through its VideoRoom; a mesh without */
  sfu?: SfuServer;
}
