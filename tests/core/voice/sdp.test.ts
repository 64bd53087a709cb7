import { describe, expect, it } from "vitest";
import { candidateAddresses, isLoopbackAddress, mediaKinds, withCodecsRepeated, withOpusDtx, withoutCandidates, withoutRepeatedCodecs } from "../../../core/voice";

const CHROME_OFFER = [
  "v=0",
  "o=- 7192710582024065785 2 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "a=group:BUNDLE 0",
  "m=audio 45626 UDP/TLS/RTP/SAVPF 111 63",
  "c=IN IP4 127.0.0.1",
  "a=candidate:2947850455 1 udp 2122260223 127.0.0.1 45626 typ host generation 0 network-id 1",
  "a=candidate:3514516047 1 tcp 1518280447 ::1 9 typ host tcptype active generation 0",
  "a=mid:0",
  "a=rtpmap:111 opus/48000/2",
  "a=rtcp-fb:111 transport-cc",
  "a=fmtp:111 minptime=10;useinbandfec=1",
  "a=rtpmap:63 red/48000/2",
  "a=fmtp:63 111/111",
  "",
].join("\r\n");

describe("withOpusDtx", () => {
  it("adds usedtx=1 to Opus's format line and nothing else", () => {
    const out = withOpusDtx(CHROME_OFFER);
    expect(out).toContain("a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1\r\n");
    expect(out).toContain("a=fmtp:63 111/111\r\n");
    expect(out.length).toBe(CHROME_OFFER.length + ";usedtx=1".length);
  });

  it("is idempotent and respects an explicit choice", () => {
    expect(withOpusDtx(withOpusDtx(CHROME_OFFER))).toBe(withOpusDtx(CHROME_OFFER));
    const off = CHROME_OFFER.replace("useinbandfec=1", "useinbandfec=1;usedtx=0");
    expect(withOpusDtx(off)).toBe(off);
  });

  it("adds a format line when Opus has none, with the description's line endings", () => {
    const bare = "v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 109\na=rtpmap:109 opus/48000/2\na=sendrecv\n";
    expect(withOpusDtx(bare)).toBe("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 109\na=rtpmap:109 opus/48000/2\na=fmtp:109 usedtx=1\na=sendrecv\n");
  });

  it("leaves a description without Opus alone", () => {
    const pcmu = "v=0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    expect(withOpusDtx(pcmu)).toBe(pcmu);
  });
});

describe("candidates and media", () => {
  it("lists media kinds and candidate addresses; strips candidates", () => {
    expect(mediaKinds(CHROME_OFFER)).toEqual(["audio"]);
    expect(mediaKinds(CHROME_OFFER + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n")).toEqual(["audio", "video"]);
    expect(candidateAddresses(CHROME_OFFER)).toEqual(["127.0.0.1", "::1"]);
    const stripped = withoutCandidates(CHROME_OFFER);
    expect(candidateAddresses(stripped)).toEqual([]);
    expect(stripped).toContain("a=mid:0\r\n");
  });

  it.each([
    ["127.0.0.1", true], ["127.9.8.7", true], ["::1", true],
    ["192.168.1.4", false], ["10.0.0.1", false], ["fe80::1", false], ["1.2.3.127", false], ["abc.local", false],
  ])("%s is loopback: %s", (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});

describe("withoutRepeatedCodecs / withCodecsRepeated", () => {
  const coding = ["a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=rtcp-fb:111 transport-cc", "a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1"];
  const section = (mid: number, lines = coding) => ["m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", `a=mid:${mid}`, "a=recvonly", ...lines].join("\r\n") + "\r\n";
  const head = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\n";
  const answer = (...sections: string[]) => head + sections.join("");
  /** Each section's lines as a sorted list (the order of attributes within a section carries no meaning here). */
  const lines = (sdp: string) => sdp.split(/^(?=m=)/m).map((s) => s.split("\r\n").sort());

  it("drops the coding lines of later sections that repeat the first's, and puts them back", () => {
    const full = answer(section(0), section(1), section(2));
    const short = withoutRepeatedCodecs(full);
    expect(short).toBe(answer(section(0), section(1, []), section(2, [])));
    expect(short.length).toBeLessThan(full.length - 2 * 150);
    expect(lines(withCodecsRepeated(short))).toEqual(lines(full));
  });

  it("keeps a later section's own coding lines when they differ from the first's", () => {
    const own = section(1, ["a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10"]);
    const full = answer(section(0), own, section(2));
    expect(withoutRepeatedCodecs(full)).toBe(answer(section(0), own, section(2, [])));
    expect(withCodecsRepeated(withoutRepeatedCodecs(full))).toBe(answer(section(0), own, section(2)));
  });

  it("leaves whole answers (and one-section answers) as they are", () => {
    const full = answer(section(0), section(1));
    expect(withCodecsRepeated(full)).toBe(full);
    expect(withoutRepeatedCodecs(answer(section(0)))).toBe(answer(section(0)));
  });
});

describe("withOpusDtx on a bundle of voices", () => {
  it("asks for DTX in every section, each with the same payload type", () => {
    const section = (mid: number) => ["m=audio 9 UDP/TLS/RTP/SAVPF 111", `a=mid:${mid}`, "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1"].join("\r\n") + "\r\n";
    const out = withOpusDtx("v=0\r\n" + section(0) + section(1) + section(2));
    expect(out.match(/^a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1\r$/gm)).toHaveLength(3);
    expect(out.match(/^a=fmtp:/gm)).toHaveLength(3);
  });
});
