import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../core/protocol";
import { leaveReason } from "../../../client/room/connection";

describe("leaveReason: what each final close code means for the person", () => {
  it.each([
    [CloseCode.REMOVED, "removed"],
    [CloseCode.DECLINED, "declined"],
    [CloseCode.SESSION_ENDED, "ended"],
    [CloseCode.SIGNED_OUT, "signed-out"],
    [CloseCode.WITH_ERROR, "flooded"],
    [CloseCode.CONSENTED, "left"],
    [1006, "lost"],
  ] as const)("%i → %s", (code, reason) => {
    expect(leaveReason(code)).toBe(reason);
  });
});
