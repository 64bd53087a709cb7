import { create } from "zustand";
import type { SessionLength } from "../../core/exercises";
import { DEFAULT_SETTINGS, type CueSettings, type Settings } from "./settings";
import { loadSettings } from "./settingsStorage";

export { ENVIRONMENT_IDS, DEFAULT_SETTINGS } from "./settings";
export type { EnvironmentId, CueSettings, Settings } from "./settings";

/** Screens of the solo flow, in order, plus history. */
export type Screen = "environment" | "exercise" | "length" | "check-in" | "practice" | "check-out" | "summary" | "history" | "learn";

/** Exercise ids: built-in pattern ids, "custom", or guided script ids. */
export type ExerciseId = string;

/** The state of a running practice, in performance.now() milliseconds. */
export interface PracticeClock {
  status: "idle" | "running" | "paused" | "finished";
  /** performance.now() when the practice started */
  startedAt: number;
  /** performance.now() when paused (status "paused") */
  pausedAt: number;
  /** total paused time so far, ms */
  pausedTotal: number;
}

export interface SessionDraft {
  exerciseId: ExerciseId | null;
  /** custom pattern seconds, when exerciseId is "custom" */
  custom: { inhale: number; hold: number; exhale: number; holdOut: number };
  length: SessionLength;
  /** check-in 0..10, null when skipped */
  before: number | null;
  after: number | null;
  /** practised time, ms, set when the practice ends */
  practisedMs: number;
}

export interface AppState {
  screen: Screen;
  settings: Settings;
  draft: SessionDraft;
  practice: PracticeClock;
  crisisOpen: boolean;
  /** where "Back" leads from the history screen */
  historyFrom: Screen;
  /** the XR session mode, when one is running */
  xrMode: "immersive-vr" | "immersive-ar" | null;
  /** the 3D stage is mounted and connected to the XR store, so a session can start */
  stageReady: boolean;

  go: (screen: Screen) => void;
  updateSettings: (patch: Partial<Settings>) => void;
  setCues: (patch: Partial<CueSettings>) => void;
  chooseExercise: (id: ExerciseId) => void;
  setCustom: (patch: Partial<SessionDraft["custom"]>) => void;
  chooseLength: (length: SessionLength) => void;
  /** record the check-in (null = skipped) and start practising */
  checkIn: (value: number | null, now?: number) => void;
  pause: (now?: number) => void;
  /** resume a paused practice; does nothing while crisis help is open */
  resume: (now?: number) => void;
  /** toggle pause/resume while practising; only pauses while crisis help is open */
  togglePause: (now?: number) => void;
  /** end the practice early or at its natural end; goes to check-out */
  stop: (now?: number) => void;
  /** record the check-out (null = skipped) and show the summary */
  checkOut: (value: number | null) => void;
  /** begin another session from the start of the flow */
  restart: () => void;
  /** show history, remembering the screen to go back to */
  openHistory: () => void;
  /** open crisis help; a running practice pauses so nothing keeps pacing behind it, and stays paused after closing */
  openCrisis: (now?: number) => void;
  closeCrisis: () => void;
  /** any XRSessionMode is accepted; "inline" is not an immersive session, so it counts as none */
  setXrMode: (mode: XRSessionMode | null) => void;
  setStageReady: (ready: boolean) => void;
}


const IDLE: PracticeClock = { status: "idle", startedAt: 0, pausedAt: 0, pausedTotal: 0 };

const freshDraft = (): SessionDraft => ({
  exerciseId: null,
  custom: { inhale: 4, hold: 2, exhale: 6, holdOut: 0 },
  length: { kind: "minutes", minutes: 3 },
  before: null,
  after: null,
  practisedMs: 0,
});

/** Practised time at `now`, ms, excluding pauses. */
export function practiceElapsed(clock: PracticeClock, now: number): number {
  if (clock.status === "idle") return 0;
  const end = clock.status === "paused" ? clock.pausedAt : now;
  return Math.max(0, end - clock.startedAt - clock.pausedTotal);
}

/** Build a store; tests make a fresh one each, the app uses `useAppStore`. */
export function createAppStore(initial: Partial<Pick<AppState, "settings">> = {}) {
  return create<AppState>()((set, get) => ({
    screen: "environment",
    settings: { ...DEFAULT_SETTINGS, ...initial.settings },
    draft: freshDraft(),
    practice: IDLE,
    crisisOpen: false,
    historyFrom: "environment",
    xrMode: null,
    stageReady: false,

    go: (screen) => set({ screen }),
    updateSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
    setCues: (patch) => set((s) => ({ settings: { ...s.settings, cues: { ...s.settings.cues, ...patch } } })),
    chooseExercise: (exerciseId) => set((s) => ({ draft: { ...s.draft, exerciseId } })),
    setCustom: (patch) => set((s) => ({ draft: { ...s.draft, custom: { ...s.draft.custom, ...patch } } })),
    chooseLength: (length) => set((s) => ({ draft: { ...s.draft, length } })),
    checkIn: (before, now = performance.now()) =>
      set((s) => ({
        draft: { ...s.draft, before },
        practice: { status: "running", startedAt: now, pausedAt: 0, pausedTotal: 0 },
        screen: "practice",
      })),
    pause: (now = performance.now()) => {
      if (get().practice.status === "running") set((s) => ({ practice: { ...s.practice, status: "paused", pausedAt: now } }));
    },
    resume: (now = performance.now()) => {
      const { practice: p, crisisOpen } = get();
      // Pacing must not restart behind crisis help (an in-VR button or a stray key could ask);
      // closing it leaves the practice paused too, so the person resumes when ready.
      if (p.status === "paused" && !crisisOpen) set({ practice: { ...p, status: "running", pausedTotal: p.pausedTotal + (now - p.pausedAt) } });
    },
    togglePause: (now = performance.now()) => {
      const status = get().practice.status;
      if (status === "running") get().pause(now);
      else if (status === "paused") get().resume(now);
    },
    stop: (now = performance.now()) => {
      const p = get().practice;
      if (p.status !== "running" && p.status !== "paused") return;
      set((s) => ({
        practice: { ...p, status: "finished" },
        draft: { ...s.draft, practisedMs: practiceElapsed(p, now) },
        screen: "check-out",
      }));
    },
    checkOut: (after) => set((s) => ({ draft: { ...s.draft, after }, screen: "summary" })),
    restart: () => set({ draft: freshDraft(), practice: IDLE, screen: "environment" }),
    openHistory: () => {
      const from = get().screen;
      set({ screen: "history", historyFrom: from === "history" ? get().historyFrom : from });
    },
    openCrisis: (now = performance.now()) => {
      get().pause(now);
      set({ crisisOpen: true });
    },
    closeCrisis: () => set({ crisisOpen: false }),
    setXrMode: (mode) => set({ xrMode: mode === "immersive-vr" || mode === "immersive-ar" ? mode : null }),
    setStageReady: (stageReady) => set({ stageReady }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store of slow state (screens, settings, the session draft). */
export const useAppStore = createAppStore({ settings: loadSettings() });
