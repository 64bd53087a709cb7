import type { Candidate, Description, VoiceConfig, VoiceServerMessages } from "../../../core/protocol";
import { linked, mayBeHeard, type VoiceFloor } from "../../../core/voice";
import type { CircleState, Participant } from "../../../server/rooms/CircleState";
import { exposeTestHooks } from "../../state/testHooks";
import type { PatchSource } from "../bindCircle";
import { openMicrophone } from "./microphone";
import { VoiceActivity } from "./VoiceActivity";
import { VoiceMesh } from "./VoiceMesh";
import { VoiceOutput } from "./VoiceOutput";
import { VoiceSfu } from "./VoiceSfu";
import { useVoiceStore, type VoiceStore } from "./voiceStore";

/** What voice needs of a joined room (the SDK's Room has all of it; tests pass a fake). */
export interface VoiceRoom extends PatchSource {
  onMessage(type: "signal", callback: (m: { from: string; description?: Description; candidate?: Candidate }) => void): () => void;
  onMessage(type: "sfu", callback: (m: VoiceServerMessages["sfu"]) => void): () => void;
  onMessage(type: "error", callback: (m: { action: string; code: string }) => void): () => void;
  send(type: "signal" | "sfu" | "mic" | "speaking", payload: unknown): void;
  request(type: "voice"): Promise<VoiceConfig>;
}

/** The voice of the circle this page is in, for the frame loop (placing voices) and tests. */
export const voiceFrame: { output: VoiceOutput | null; mesh: VoiceMesh | null; sfu: VoiceSfu | null } = { output: null, mesh: null, sfu: null };

/** Signals kept while this page waits for its voice settings (a few per person in a full circle). */
const EARLY_SIGNALS = 64;

const isTyping = (e: KeyboardEvent) => Boolean((e.target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable='true']"));

/**
 * Voice in a joined circle: asks the server how voices travel, keeps one peer connection to each
 * person this one is linked to (core/voice), plays each voice only while its owner may be heard,
 * sends this person's microphone only while they may be heard (muted by a facilitator, outside
 * the talking piece, or push-to-talk released: the track is disabled here, and every other client
 * drops it too), and tells the circle when this person is speaking. Nobody outside the circle (the
 * waiting area) is connected to anyone. Returns the cleanup.
 */
export function followVoice(room: VoiceRoom, voice: VoiceStore = useVoiceStore, makeOutput: () => VoiceOutput = () => new VoiceOutput()): () => void {
  const me = room.sessionId;
  let config: VoiceConfig | null = null;
  let asking = false;
  /** performance.now() of the last `voice` request: a refused one is asked again at most every 5 s */
  let askedAt = -Infinity;
  let live = true;
  let mesh: VoiceMesh | null = null;
  let sfu: VoiceSfu | null = null;
  let output: VoiceOutput | null = null;
  let mic: MediaStream | null = null;
  let vad: VoiceActivity | null = null;
  let member = false;
  let heard = false;
  let sentSpeaking = false;
  /**
   * Signals that came before the voice settings: someone already speaking may offer as soon as the
   * patch seating this person reaches them, before the answer to `voice` reaches this page; that
   * offer is sent once, so the mesh takes it when it starts.
   */
  const early: { from: string; description?: Description; candidate?: Candidate }[] = [];
  const stops: (() => void)[] = [];

  const state = (): CircleState => room.state;
  const floor = (): VoiceFloor => state();
  const self = (): Participant | undefined => state().participants?.get(me);

  /** Outside the circle (not yet admitted, or out of it): nothing connected, nothing heard. */
  function silence() {
    early.length = 0;
    mesh?.closeAll();
    mesh = null;
    sfu?.close();
    sfu = voiceFrame.sfu = null;
  }

  function ensureOutput(): VoiceOutput {
    if (!output) {
      output = makeOutput();
      output.setSpatial(!voice.getState().plainStereo);
      voiceFrame.output = output;
    }
    return output;
  }

  function start(c: VoiceConfig) {
    config = c;
    voice.getState().set({ mode: c.mode });
    ensureOutput();
    if (c.mode === "sfu") {
      early.length = 0;
      sfu = voiceFrame.sfu = new VoiceSfu(c.iceServers, {
        send: (payload) => room.send("sfu", payload),
        stream: (id, stream) => {
          ensureOutput().add(id, stream);
          sync();
        },
        gone: (id) => output?.remove(id),
      });
      return sync();
    }
    mesh = voiceFrame.mesh = new VoiceMesh(me, c.iceServers, {
      signal: (to, signal) => room.send("signal", { to, ...signal }),
      stream: (id, stream) => {
        ensureOutput().add(id, stream);
        sync();
      },
      gone: (id) => output?.remove(id),
    });
    mesh.setTrack(mic?.getAudioTracks()[0] ?? null);
    const s = state();
    for (const { from, ...signal } of early.splice(0)) mesh.receive(from, signal, Boolean(self() && s.participants.get(from)));
    sync();
  }

  /** Recompute links, who is played and whether this person's track is live (per patch and per voice change). */
  function sync() {
    if (!live) return;
    const s = state();
    const mine = self();
    if (!mine) {
      member = false;
      return silence();
    }
    if (!member) {
      member = true;
      config = null;
      askedAt = -Infinity;
    }
    if (!config && !asking && performance.now() - askedAt > 5000) {
      asking = true;
      askedAt = performance.now();
      room.request("voice").then(
        (c) => {
          asking = false;
          if (live && self()) start(c);
        },
        () => void (asking = false),
      );
    }
    heard = mayBeHeard(me, mine, floor());
    const v = voice.getState();
    const track = mic?.getAudioTracks()[0];
    const open = heard && (!v.pushToTalk || v.held);
    if (track && track.enabled !== open) track.enabled = open;
    updateSpeaking();
    if (sfu) {
      // Publish once this person may be heard; Janus' moderation drops them whenever they may not.
      sfu.setTrack(track ?? null, heard);
      s.participants.forEach((p, id) => void (id !== me && output?.setAudible(id, mayBeHeard(id, p, s))));
      return;
    }
    if (!mesh) return;
    const m = mesh;
    s.participants.forEach((p, id) => {
      if (id === me) return;
      if (linked(me, mine, id, p, s)) m.open(id);
      output?.setAudible(id, mayBeHeard(id, p, s));
    });
    m.prune((id) => {
      const p = s.participants.get(id);
      return Boolean(p && linked(me, mine, id, p, s));
    });
  }

  function updateSpeaking() {
    const v = voice.getState();
    const on = Boolean(vad?.speaking) && heard && (!v.pushToTalk || v.held);
    if (v.speaking !== on) v.set({ speaking: on });
    if (on !== sentSpeaking) {
      sentSpeaking = on;
      room.send("speaking", { on });
    }
  }

  async function micOn() {
    const v = voice.getState();
    if (v.mic === "on" || v.mic === "asking") return;
    output?.resume();
    v.set({ mic: "asking" });
    const got = await openMicrophone();
    if (!live) {
      if ("stream" in got) got.stream.getTracks().forEach((t) => t.stop());
      return;
    }
    if ("refused" in got) return v.set({ mic: got.refused });
    mic = got.stream;
    const track = mic.getAudioTracks()[0] ?? null;
    if (track) track.enabled = false;
    track?.addEventListener("ended", () => void micOff());
    vad = new VoiceActivity(ensureOutput().ctx, mic, updateSpeaking);
    mesh?.setTrack(track);
    v.set({ mic: "on" });
    room.send("mic", { on: true });
    sync();
  }

  function micOff() {
    vad?.stop();
    vad = null;
    mic?.getTracks().forEach((t) => t.stop());
    mic = null;
    mesh?.setTrack(null);
    sfu?.setTrack(null, false);
    const v = voice.getState();
    if (v.mic === "on" && live) room.send("mic", { on: false });
    if (v.mic !== "denied" && v.mic !== "unavailable") v.set({ mic: "off" });
    sync();
  }

  voice.getState().set({ micOn: () => void micOn(), micOff, held: false, speaking: false, mode: null });
  stops.push(
    room.onMessage("signal", ({ from, description, candidate }) => {
      const s = state();
      const mine = self();
      const them = s.participants?.get(from);
      if (!mesh) {
        if (mine && !config && early.length < EARLY_SIGNALS) early.push({ from, description, candidate });
        return;
      }
      // Even if the patch that links us has not arrived, the server relayed it only because we are linked.
      mesh.receive(from, { description, candidate }, Boolean(mine && them));
    }),
  );
  stops.push(room.onMessage("sfu", (m) => sfu?.receive(m)));
  // An offer to speak refused (the floor moved while it travelled): offered again once heard.
  stops.push(room.onMessage("error", (e) => void (e.action === "sfu" && sfu?.refused())));
  room.onStateChange(sync);
  stops.push(() => room.onStateChange.remove?.(sync));
  stops.push(
    voice.subscribe((v, prev) => {
      if (v.plainStereo !== prev.plainStereo) output?.setSpatial(!v.plainStereo);
      if (v.held !== prev.held || v.pushToTalk !== prev.pushToTalk) sync();
    }),
  );

  // Push-to-talk on a desktop: hold Space (not while typing).
  const onKey = (e: KeyboardEvent) => {
    if (e.code !== "Space" || !voice.getState().pushToTalk || isTyping(e)) return;
    e.preventDefault();
    if (e.repeat) return;
    voice.getState().set({ held: e.type === "keydown" });
  };
  const onBlur = () => voice.getState().set({ held: false });
  const onGesture = () => output?.resume();
  document.addEventListener("keydown", onKey);
  document.addEventListener("keyup", onKey);
  window.addEventListener("blur", onBlur);
  document.addEventListener("pointerdown", onGesture);
  stops.push(() => {
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("keyup", onKey);
    window.removeEventListener("blur", onBlur);
    document.removeEventListener("pointerdown", onGesture);
  });
  stops.push(exposeTestHooks({ voice: voiceFrame, voiceStore: voice }));
  if (room.state?.participants) sync();

  return () => {
    live = false;
    stops.forEach((stop) => stop());
    micOff();
    silence();
    output?.close();
    output = voiceFrame.output = voiceFrame.mesh = voiceFrame.sfu = null;
    voice.getState().set({ mic: "off", micOn: () => {}, micOff: () => {}, speaking: false, held: false, mode: null });
  };
}
