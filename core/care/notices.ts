/** Shown wherever the app talks about help. */
export const NOT_THERAPY_NOTICE =
  "Breathing Room is a space for calm and peer support. It is not therapy, not medical care and not a crisis service. " +
  "If you are in danger or might act on thoughts of harming yourself, call your emergency number now.";

/** Bump when the agreement text changes; participants accept a version. */
export const AGREEMENT_VERSION = 1;

/** The group agreement each participant accepts before entering a circle. */
export const GROUP_AGREEMENT: readonly string[] = [
  "What is shared here stays here. Do not record, screenshot or repeat what others say.",
  "Speak from your own experience. Listen without fixing, judging or giving advice unless asked.",
  "Use a pseudonym. Do not share details that could identify you or anyone else.",
  "Step out or ask for a moment whenever you need to. Nobody has to speak.",
  "The facilitator may mute or remove anyone to keep the circle safe.",
  "This circle is peer support, not therapy or a crisis service. If you are in danger, use the crisis resources or call your emergency number.",
];
