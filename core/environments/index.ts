/**
 * The calm environments, shared by the client (one scene folder each under client/scene/environments)
 * and the server (a session's and a live circle's environment must be one of these).
 */
export const ENVIRONMENT_IDS = ["shore", "forest", "night"] as const;
export type EnvironmentId = (typeof ENVIRONMENT_IDS)[number];

/** The environment a new session or a first visit starts in. */
export const DEFAULT_ENVIRONMENT: EnvironmentId = "shore";

/** Names shown to people (buttons, panels, the facilitator's session form). */
export const ENVIRONMENT_NAMES: Readonly<Record<EnvironmentId, string>> = {
  shore: "Shoreline at dusk",
  forest: "Forest clearing",
  night: "Night sky",
};

/** Whether `value` is one of the environment ids. */
export function isEnvironmentId(value: unknown): value is EnvironmentId {
  return typeof value === "string" && (ENVIRONMENT_IDS as readonly string[]).includes(value);
}
