import type { PracticeStep } from "../ticker";

/** The parts of a gamepad haptic actuator we use; `pulse` is the WebXR/Quest form, `playEffect` the standard one. */
interface Actuator {
  pulse?: (intensity: number, ms: number) => Promise<unknown>;
  playEffect?: (type: "dual-rumble", params: { duration: number; strongMagnitude: number; weakMagnitude: number }) => Promise<unknown>;
}

/** An XR session as far as haptics need it. */
export interface HapticSession {
  readonly inputSources: Iterable<{ readonly gamepad?: { readonly hapticActuators?: readonly unknown[] } | null }>;
}

/** Pulse length, ms: long enough to notice through a controller, short enough to stay gentle. */
const PULSE_MS = 70;

/** Intensity per step: breaths a little firmer than holds. */
function intensityFor(step: Readonly<PracticeStep>): number {
  if (step.kind === "guided") return 0.2;
  return step.phase === "inhale" || step.phase === "exhale" ? 0.35 : 0.15;
}

const ignore = () => undefined;

/** Pulse every controller of the running XR session; does nothing without one. */
export function pulseControllers(session: HapticSession | null | undefined, step: Readonly<PracticeStep>): number {
  if (!session) return 0;
  const intensity = intensityFor(step);
  let pulsed = 0;
  for (const source of session.inputSources) {
    const actuator = source.gamepad?.hapticActuators?.[0] as Actuator | undefined;
    if (!actuator) continue;
    try {
      if (typeof actuator.pulse === "function") actuator.pulse(intensity, PULSE_MS).catch(ignore);
      else if (typeof actuator.playEffect === "function")
        actuator.playEffect("dual-rumble", { duration: PULSE_MS, strongMagnitude: intensity, weakMagnitude: intensity }).catch(ignore);
      else continue;
      pulsed++;
    } catch {
      // Some runtimes throw synchronously for hands without actuators; haptics are optional.
    }
  }
  return pulsed;
}
