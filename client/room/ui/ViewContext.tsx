import { createContext, useContext } from "react";

/** Whether this page can show the circle in 3D at all (tests and the simple view cannot), and whether it does now. */
export interface RoomView {
  /** the 3D stage may be mounted on this page */
  stage: boolean;
  /** the 3D circle is drawing now (mounted, and WebGL started): the DOM circle steps aside visually */
  drawing: boolean;
}

export const RoomViewContext = createContext<RoomView>({ stage: false, drawing: false });

export const useRoomView = (): RoomView => useContext(RoomViewContext);
