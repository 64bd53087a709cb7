import { ENVIRONMENT_NAMES, isEnvironmentId } from "../../core/environments";

/** How sessions read on the page: times in the facilitator's own time zone and locale (the API speaks epoch ms), places by name. */

const pad = (n: number) => String(n).padStart(2, "0");

/** Epoch ms → the value of an `<input type="datetime-local">` ("2026-05-14T19:00"), local time. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value → epoch ms (local time); null when empty or not a date. */
export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  // Reject 31 February and friends instead of silently rolling over.
  return date.getMonth() === mo - 1 && date.getDate() === d ? date.getTime() : null;
}

const whenFormat = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long", year: "numeric" });

/** "Thursday 14 May 2026 at 19:00" (the browser's locale). */
export const formatWhen = (ms: number): string => whenFormat.format(ms);
/** "14 May 2026". */
export const formatDay = (ms: number): string => dayFormat.format(ms);

/** The time zone scheduled times are read in, e.g. "Europe/London". */
export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A session's place by name ("Shoreline at dusk"); an id this build does not know stays as it is. */
export const placeName = (environment: string): string => (isEnvironmentId(environment) ? ENVIRONMENT_NAMES[environment] : environment);
