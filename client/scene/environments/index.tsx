import type { ComponentType } from "react";
import type { EnvironmentId } from "../../state/store";
import { Forest } from "./forest/Forest";
import { Night } from "./night/Night";
import { Shore } from "./shore/Shore";

/** Each environment's scenery component, by id. */
export const ENVIRONMENTS: Record<EnvironmentId, ComponentType> = {
  shore: Shore,
  forest: Forest,
  night: Night,
};

/** Names shown on the in-VR environment panel. */
export { ENVIRONMENT_NAMES } from "../../../core/environments";
