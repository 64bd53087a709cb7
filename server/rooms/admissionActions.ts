import { ActionError, CloseCode, Role } from "../../core/protocol";
import * as act from "./circleActions";
import type { CircleClient, CircleContext } from "./circleContext";

export interface AdmissionDeps extends Pick<CircleContext, "state" | "admission" | "clientOf"> {
  /** seat someone in the circle */
  seat(client: CircleClient, person: { pseudonym: string; look: string; role: Role }): void;
  /** store the session's admission mode */
  storeAdmission(on: boolean): void;
}

/** The facilitator's side of the waiting area: admit, decline, admission on or off. */
export function admissionActions(d: AdmissionDeps): Pick<CircleContext, "admit" | "decline" | "setAdmission"> {
  /** Let someone waiting into the circle (within capacity). */
  const admit = (sessionId: string): ActionError | void => {
    const waiting = d.state.knocking.get(sessionId);
    const client = d.clientOf(sessionId);
    if (!waiting || !client) return ActionError.NO_SUCH_PARTICIPANT;
    if (act.participantCount(d.state) >= d.state.session.capacity) return ActionError.INVALID_STATE;
    d.admission.take(sessionId);
    d.seat(client, { pseudonym: waiting.pseudonym, look: waiting.look, role: Role.participant });
    client.send("admission", { status: "admitted" });
  };
  return {
    admit,
    /** Turn someone waiting away: closed with 4102, nothing of the circle seen. */
    decline: (sessionId) => {
      if (!d.admission.take(sessionId)) return false;
      d.clientOf(sessionId)?.leave(CloseCode.DECLINED);
      return true;
    },
    /** Admission on or off, for the rest of the session (stored). Turning it off lets in whoever waits, as capacity allows. */
    setAdmission: (on) => {
      d.state.session.admission = on;
      d.storeAdmission(on);
      if (on) return;
      for (const id of [...d.state.knocking.keys()]) if (admit(id)) break;
    },
  };
}
