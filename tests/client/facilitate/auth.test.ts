import { afterEach, describe, expect, it } from "vitest";
import { clearFacilitatorToken, getFacilitatorToken, setFacilitatorToken } from "../../../client/facilitate/auth";
import { jwt } from "./fakeApi";

const KEY = "breathing-room.facilitator-token";

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe("the facilitator token handed to the room client", () => {
  it("is kept for this tab only unless the person asks to stay signed in", () => {
    const token = jwt();
    setFacilitatorToken(token, false);
    expect(sessionStorage.getItem(KEY)).toBe(token);
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(getFacilitatorToken()).toBe(token);

    setFacilitatorToken(token, true);
    expect(localStorage.getItem(KEY)).toBe(token);
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(getFacilitatorToken()).toBe(token);
  });

  it("is null when nobody signed in, and after clearing (both places)", () => {
    expect(getFacilitatorToken()).toBeNull();
    sessionStorage.setItem(KEY, jwt());
    localStorage.setItem(KEY, jwt());
    clearFacilitatorToken();
    expect(getFacilitatorToken()).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it("an expired token reads as signed out and is removed", () => {
    const now = Date.now();
    setFacilitatorToken(jwt(Math.floor(now / 1000) - 1), true);
    expect(getFacilitatorToken(now)).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    setFacilitatorToken(jwt(Math.floor(now / 1000) + 60), true);
    expect(getFacilitatorToken(now)).not.toBeNull();
  });

  it("a token it cannot read is left for the server to judge", () => {
    setFacilitatorToken("opaque", false);
    expect(getFacilitatorToken()).toBe("opaque");
  });
});
