/** The short form of the notice for the first screen; the crisis panel shows the full text. */
export function NotTherapyNote() {
  return (
    <p className="not-therapy">
      Breathing Room is a space for calm. It is not therapy and not a crisis service — if you need help now, use “Need help now?”.
    </p>
  );
}
