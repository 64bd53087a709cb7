import { createContext, useContext } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { getFacilitatorToken } from "../../facilitate/auth";
import { enterCircle, leaveCircle } from "../enterCircle";
import { fetchJoinPreview, type PreviewResult } from "../joinPreview";
import { useRoomStore, type RoomState, type RoomStore } from "../roomStore";

/**
 * What the room's screens need from outside React: the store, and the few calls that reach the
 * server. The app uses the real ones; tests hand in a fresh store and fakes.
 */
export interface RoomServices {
  store: RoomStore;
  /** the session's title and place, before the agreement */
  fetchPreview: (code: string) => Promise<PreviewResult>;
  /** join with what the store holds (code, pseudonym, look, asFacilitator) */
  enter: (token?: string) => Promise<void>;
  /** leave on purpose */
  leave: () => void;
  /** the signed-in facilitator's token on this device, if any */
  facilitatorToken: () => string | null;
}

export const appRoomServices: RoomServices = {
  store: useRoomStore,
  fetchPreview: (code) => fetchJoinPreview(code),
  enter: (token) => enterCircle(useRoomStore, { token }),
  leave: () => leaveCircle(useRoomStore),
  facilitatorToken: () => getFacilitatorToken(),
};

export const RoomContext = createContext<RoomServices>(appRoomServices);

/** The room's services (store, server calls). */
export const useRoomServices = (): RoomServices => useContext(RoomContext);

/** Read the room store and re-render when the selected part changes. */
export function useRoom<T>(selector: (s: RoomState) => T): T {
  return useStore(useContext(RoomContext).store, selector);
}

/** Who holds the talking piece and whose hands are raised: what the page's and the headset's piece sections read. */
export const usePieceState = (): Pick<RoomState, "me" | "pieceHolder" | "handQueue" | "people"> =>
  useRoom(useShallow((s) => ({ me: s.me, pieceHolder: s.pieceHolder, handQueue: s.handQueue, people: s.people })));
