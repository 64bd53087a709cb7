/** Matchmaking name of the circle room. */
export const ROOM_NAME = "circle";

/** Messages anyone in the circle may send (server enforces roles for the facilitator ones). */
export const ParticipantMessage = {
  pose: "pose",
  raiseHand: "raiseHand",
  lowerHand: "lowerHand",
  react: "react",
  stepAway: "stepAway",
  stepBack: "stepBack",
  needMoment: "needMoment",
  report: "report",
  passPiece: "passPiece",
  checkIn: "checkIn",
  time: "time",
} as const;
export type ParticipantMessage = (typeof ParticipantMessage)[keyof typeof ParticipantMessage];

/** Messages only a facilitator or co-facilitator may send. */
export const FacilitatorMessage = {
  openCircle: "openCircle",
  startPractice: "startPractice",
  stopPractice: "stopPractice",
  setEnvironment: "setEnvironment",
  mute: "mute",
  unmute: "unmute",
  muteAll: "muteAll",
  remove: "remove",
  lock: "lock",
  unlock: "unlock",
  givePiece: "givePiece",
  takePiece: "takePiece",
  callNext: "callNext",
  promote: "promote",
  demote: "demote",
  endSession: "endSession",
  /** a private alert ("I need a moment" or a report) was seen */
  markSeen: "markSeen",
} as const;
export type FacilitatorMessage = (typeof FacilitatorMessage)[keyof typeof FacilitatorMessage];

/** Every client → server message. */
export type ClientMessage = ParticipantMessage | FacilitatorMessage;

/** Server → client messages (sent outside the synchronized state). */
export const ServerMessage = {
  /** reply to `time`: { t0, t1 } */
  time: "time",
  /** "I need a moment", to facilitators and co-facilitators only: { id, from } */
  moment: "moment",
  /** a report about someone, to facilitators and co-facilitators only: { id, from, target, reason, events } */
  report: "report",
  /** a private alert was marked seen, to facilitators and co-facilitators: { id } */
  alertSeen: "alertSeen",
  /** to the sender of a private alert: { id, kind, status } (delivered, waiting, seen) */
  alertStatus: "alertStatus",
  /** a reaction, to everyone: { from, kind } */
  reaction: "reaction",
  /** a refused action: { action, code } */
  error: "error",
  /** check-in counted: { phase } */
  checkedIn: "checkedIn",
} as const;
export type ServerMessage = (typeof ServerMessage)[keyof typeof ServerMessage];
