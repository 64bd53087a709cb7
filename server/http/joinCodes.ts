import { randomInt } from "node:crypto";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode } from "../../core/protocol";

/** A fresh join code from crypto.randomInt (uniform over the alphabet): ~44 bits. */
export function newJoinCode(): string {
  let raw = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) raw += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return formatJoinCode(raw);
}
