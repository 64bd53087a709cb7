/** "4 to 7, up 3" (words read aloud plainly; an arrow is read as "right arrow"); null when either answer was skipped. */
export function describeChange(before: number | null, after: number | null): string | null {
  if (before === null || after === null) return null;
  const diff = after - before;
  const trend = diff > 0 ? `up ${diff}` : diff < 0 ? `down ${-diff}` : "no change";
  return `${before} to ${after}, ${trend}`;
}

/** "3 min" / "45 s" for a practised time in ms ("under a second" rather than "0 s" for a practice stopped at once). */
export function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return seconds ? `${seconds} s` : "under a second";
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Button label for a session length: "1 minute", "5 minutes". */
export function minutesLabel(minutes: number): string {
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
