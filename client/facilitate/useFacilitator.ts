import { createContext, useContext } from "react";
import type { FacilitatorView } from "../../core/protocol/http";
import { ApiFailure } from "./api";
import type { Action } from "./errorMessages";

/** The signed-in facilitator, and how the pages report a failed call. */
export interface FacilitatorTools {
  token: string;
  facilitator: FacilitatorView;
  /**
   * The kind message for a failed call (show it where the action was). A refused sign-in also
   * signs out on this device and returns to the sign-in screen; a session that changed elsewhere
   * reloads the list.
   */
  report: (failure: unknown, action: Action) => string;
}

export const FacilitatorContext = createContext<FacilitatorTools | null>(null);

/** The signed-in facilitator; only inside the dashboard. */
export function useFacilitator(): FacilitatorTools {
  const tools = useContext(FacilitatorContext);
  if (!tools) throw new Error("useFacilitator outside the signed-in pages");
  return tools;
}

/** Anything thrown by a call, as an ApiFailure (a bug in this page reads as an unexpected answer). */
export const asFailure = (e: unknown): ApiFailure =>
  e instanceof ApiFailure ? e : new ApiFailure(0, "unexpected", e instanceof Error ? e.message : String(e));
