import { Client } from "@colyseus/sdk";
import { expect, expectTypeOf, it } from "vitest";
import type { JoinOptions } from "../../core/protocol";
import type { AppServer } from "../../server/app";
import type { Joined } from "./harness";

/**
 * Compile-time checks (run by `npm run typecheck`): the client is typed from the server's room.
 * If the typing silently fell back to `any`, these lines would become type errors.
 */
it("a client typed from the server gets the join options and message payloads", () => {
  type CircleJoin = Parameters<AppServer["~rooms"]["circle"]["~room"]["onJoin"]>[1];
  expectTypeOf<CircleJoin>().toEqualTypeOf<JoinOptions>();

  const client = new Client<AppServer>("ws://127.0.0.1:9");
  const typedJoin = () => client.joinOrCreate("circle", { code: "K7P-M2Q-XW9", pseudonym: "Fox", look: "sage", agreementVersion: 1 });
  expectTypeOf<Awaited<ReturnType<typeof typedJoin>>["state"]["session"]["title"]>().toEqualTypeOf<string>();

  const messages = (room: Joined) => {
    room.send("startPractice", { patternId: "box", cycles: 4 });
    // @ts-expect-error custom patterns are solo-only
    room.send("startPractice", { patternId: "custom", cycles: 4 });
    // @ts-expect-error a check-in needs its phase
    room.send("checkIn", { value: 4 });
  };
  expect([typedJoin, messages].every((f) => typeof f === "function")).toBe(true);
});
