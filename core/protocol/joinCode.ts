/**
 * Join codes: 9 characters from a 30-letter alphabet without look-alikes (no 0/O, 1/I/L, U),
 * shown as three groups of three ("K7P-M2Q-XW9") so they can be read aloud.
 * 30⁹ ≈ 2^44.2, i.e. more than 44 bits of randomness.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters in a code, without dashes. */
export const JOIN_CODE_LENGTH = 9;

/** Format 9 code characters as XXX-XXX-XXX. */
export function formatJoinCode(raw: string): string {
  return `${raw.slice(0, 3)}-${raw.slice(3, 6)}-${raw.slice(6, 9)}`;
}

/**
 * Normalize what a person typed (any case, spaces or dashes) to the canonical XXX-XXX-XXX form,
 * or null if it cannot be a code.
 */
export function normalizeJoinCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 32) return null;
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of raw) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return formatJoinCode(raw);
}

/** Path of the join link for a code. */
export const joinPath = (code: string): string => `/room/${code}`;
