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
  /** voice: a WebRTC description or candidate for one other person (relayed only when the two are linked) */
  signal: "signal",
  /** voice: this person's microphone is on (or held ready for push-to-talk) or off */
  mic: "mic",
  /** voice: this person's own voice-activity detector says they are speaking, or stopped */
  speaking: "speaking",
  /** voice (request): how this circle carries voices, and the ICE servers to use */
  voice: "voice",
  /** voice through the SFU: a description or candidate for this person's own connections to it */
  sfu: "sfu",
  /** a chat message: { text } */
  chat: "chat",
  /** report one chat message to the facilitators: { id, reason } */
  reportChat: "reportChat",
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
  /** talking-piece mode on or off: only the holder and the facilitators may be heard */
  setPieceMode: "setPieceMode",
  /** delete a chat message for everyone: { id } */
  deleteChat: "deleteChat",
  /** stop / let someone chat: { target } */
  muteChat: "muteChat",
  unmuteChat: "unmuteChat",
  /** chat on or off, slow mode, filter: { on?, slowSeconds?, filter? } */
  setChat: "setChat",
  /** open a learning card for everyone: { id } */
  shareCard: "shareCard",
  /** close the shared card for everyone */
  closeCard: "closeCard",
  /** let someone waiting to be admitted into the circle: { target } */
  admit: "admit",
  /** turn away someone waiting to be admitted (closed with 4102): { target } */
  decline: "decline",
  /** admission on (newcomers wait until admitted) or off: { on } */
  setAdmission: "setAdmission",
} as const;
export type FacilitatorMessage = (typeof FacilitatorMessage)[keyof typeof FacilitatorMessage];

/** Every client → server message. */
export type ClientMessage = ParticipantMessage | FacilitatorMessage;

/** The `action` of an `error` answering a message of a type the room does not have (`unknown-message`). */
export const UNKNOWN_ACTION = "unknown";

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
  /** voice: a WebRTC description or candidate from another person: { from, description? , candidate? } */
  signal: "signal",
  /** voice through the SFU: a description for one of this person's connections to it, and who is on which stream */
  sfu: "sfu",
  /** a chat message, to everyone in the circle (its sender too): { id, from, text } */
  chat: "chat",
  /** a chat message was deleted by a facilitator, to everyone in the circle: { id } */
  chatDeleted: "chatDeleted",
  /** someone's words suggest they may need support, to facilitators and co-facilitators only: { id, from } */
  support: "support",
  /** a chat message was reported, to facilitators and co-facilitators only: { id, from, reason, message } */
  chatReport: "chatReport",
  /** to someone joining while admission is on: { status: "knocking" }, then { status: "admitted" } when let in */
  admission: "admission",
} as const;
export type ServerMessage = (typeof ServerMessage)[keyof typeof ServerMessage];
