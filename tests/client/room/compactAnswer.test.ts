import { describe, expect, it } from "vitest";
import { compactAnswer } from "../../../client/room/voice/compactAnswer";

const section = (mid: number) =>
  [
    "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx",
    "a=ice-options:trickle", "a=fingerprint:sha-256 AB:CD", "a=setup:active", `a=mid:${mid}`, "a=recvonly", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
  ].join("\r\n") + "\r\n";
const answer = (n: number) => "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\n" + Array.from({ length: n }, (_, i) => section(i)).join("");

describe("compactAnswer", () => {
  it("keeps the first section whole and every section's own lines, dropping only the repeated transport", () => {
    const out = compactAnswer(answer(3));
    const sections = out.split(/^(?=m=)/m);
    expect(sections[1]).toBe(section(0));
    for (const i of [1, 2]) {
      expect(sections[i + 1]).toBe(["m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", `a=mid:${i}`, "a=recvonly", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", ""].join("\r\n"));
    }
    expect(out.startsWith("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\n")).toBe(true);
  });

  it("leaves a one-voice answer as it is", () => {
    expect(compactAnswer(answer(1))).toBe(answer(1));
  });
});
