import { describe, expect, it } from "vitest";
import { ApiErrorCode } from "../../../core/protocol/http";
import { ApiFailure, type FailureCode } from "../../../client/facilitate/api";
import { messageFor, waitInWords, type Action } from "../../../client/facilitate/errorMessages";

const ACTIONS: Action[] = ["signIn", "signUp", "load", "createSession", "updateSession", "cancelSession", "aggregate", "invite", "listInvites", "withdrawInvite"];
const CODES: FailureCode[] = [...Object.values(ApiErrorCode), "internal", "network", "unexpected"];

describe("error messages", () => {
  it.each(CODES)("%s has a full sentence for every action", (code) => {
    for (const action of ACTIONS) {
      const text = messageFor(new ApiFailure(400, code, "x", 120), action);
      expect(text, `${code} / ${action}`).toMatch(/^[A-Z“].{20,}[.)]$/);
      expect(text).not.toMatch(/undefined|null|NaN|_/);
    }
  });

  it("a join link for an ended circle says so", () => {
    expect(messageFor(new ApiFailure(410, "session_ended", "x"), "load")).toBe("This circle has already ended.");
  });

  it.each([
    [null, "a few minutes"],
    [1, "a second"],
    [45, "45 seconds"],
    [60, "about a minute"],
    [61, "about 2 minutes"],
    [900, "about 15 minutes"],
  ])("a wait of %s s reads as %j", (seconds, words) => {
    expect(waitInWords(seconds)).toBe(words);
  });
});
