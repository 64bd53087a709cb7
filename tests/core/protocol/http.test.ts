import { describe, expect, it } from "vitest";
import { aggregateResponse, createSessionBody, inviteBody, signInBody, signUpBody, updateSessionBody } from "../../../core/protocol";

describe("HTTP request shapes (shared by the server routes and the facilitator pages)", () => {
  it.each([
    [" Ada@Example.ORG ", "ada@example.org"],
    ["b@example.org", "b@example.org"],
  ])("an email %j is kept as %j", (typed, kept) => {
    expect(signInBody.parse({ email: typed, password: "x" }).email).toBe(kept);
  });

  it.each([
    [{ email: "not-an-email", password: "correct horse" }, false],
    [{ email: "a@example.org", password: "short" }, false],
    [{ email: "a@example.org", password: "x".repeat(201) }, false],
    [{ email: "a@example.org", password: "ten chars!" }, true],
    [{ email: "a@example.org", password: "ten chars!", invite: "abc" }, true],
    [{ email: "a@example.org", password: "ten chars!", role: "admin" }, false],
  ])("sign-up %j is accepted: %s", (body, ok) => {
    expect(signUpBody.safeParse(body).success).toBe(ok);
  });

  it("an invite may name an email, or none", () => {
    expect(inviteBody.parse(undefined)).toBeUndefined();
    expect(inviteBody.parse({})).toEqual({});
    expect(inviteBody.parse({ email: "C@example.org" })).toEqual({ email: "c@example.org" });
  });

  it("a new session gets the default place and capacity; titles are trimmed", () => {
    expect(createSessionBody.parse({ title: "  Tuesday circle " })).toEqual({ title: "Tuesday circle", environment: "shore", capacity: 12 });
  });

  it.each([
    [{ title: "" }],
    [{ title: "x".repeat(81) }],
    [{ title: "ok", capacity: 0 }],
    [{ title: "ok", capacity: 33 }],
    [{ title: "ok", environment: "moon" }],
    [{ title: "ok", scheduledAt: -1 }],
    [{ title: "ok", scheduledAt: 1.5 }],
  ])("a session %j is refused", (body) => {
    expect(createSessionBody.safeParse(body).success).toBe(false);
  });

  it("an update may clear the time and changes only what it names", () => {
    expect(updateSessionBody.parse({ scheduledAt: null })).toEqual({ scheduledAt: null });
    expect(updateSessionBody.safeParse({ status: "ended" }).success).toBe(false);
  });

  it("an aggregate is either figures or the minimum", () => {
    expect(aggregateResponse.parse({ available: false, minimum: 5 })).toEqual({ available: false, minimum: 5 });
    expect(aggregateResponse.safeParse({ available: true, minimum: 5 }).success).toBe(false);
  });
});
