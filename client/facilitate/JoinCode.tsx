/** "K7P-M2Q-XW9" → "K 7 P, M 2 Q, X W 9": one character at a time, the way a code is read aloud. */
export const spellCode = (code: string): string =>
  code
    .split("-")
    .map((group) => [...group].join(" "))
    .join(", ");

/**
 * The join code in large, legible type for reading aloud to a group (three groups of three). Screen
 * readers get it spelled out; they would otherwise read "K7P" as a word.
 */
export function JoinCode({ code }: { code: string }) {
  return (
    <p className="join-code-line">
      <span className="join-code-label">Code to read aloud</span>{" "}
      <span className="join-code" aria-hidden="true">
        {code}
      </span>
      <span className="visually-hidden">{spellCode(code)}</span>
    </p>
  );
}
