import { Text } from "@react-three/drei";
import { FONT_BOLD, FONT_REGULAR } from "../../scene/font";
import { useAppStore, type CueSettings, type Settings } from "../../state/store";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { rowPositions } from "./theme";
import { useVrTheme } from "./useVrTheme";

type Flag = "reducedMotion" | "largeText" | "highContrast";
type Volume = "ambienceVolume" | "toneVolume";

const WIDTH = 0.9;
const HEIGHT = 0.78;
/** Toggles are two lines (name, then On/Off), so the state never rests on colour alone. */
const TOGGLE = { width: 0.26, height: 0.09 };
const THREE = rowPositions([TOGGLE.width, TOGGLE.width, TOGGLE.width]);
const TOGGLE_PITCH = TOGGLE.height + 0.02;
const VOLUME_PITCH = 0.095;

/** A volume after one − or + press: steps of 10 %, within 0..1, without float drift. */
export function stepVolume(value: number, direction: 1 | -1): number {
  return Math.min(1, Math.max(0, Math.round(value * 10 + direction) / 10));
}

const onOff = (name: string, on: boolean) => `${name}\n${on ? "On" : "Off"}`;

function Toggle({ label, on, x, onSelect }: { label: string; on: boolean; x: number; onSelect: () => void }) {
  return <VrButton label={label} text={onOff(label, on)} width={TOGGLE.width} height={TOGGLE.height} selected={on} position={[x, 0, 0]} onSelect={onSelect} />;
}

/** "Ambience  −  40 %  +": a volume in steps a ray can hit. */
function VolumeRow({ name, setting, y }: { name: string; setting: Volume; y: number }) {
  const theme = useVrTheme();
  const value = useAppStore((s) => s.settings[setting]);
  const step = (d: 1 | -1) => useAppStore.getState().updateSettings({ [setting]: stepVolume(useAppStore.getState().settings[setting], d) });
  return (
    <group position-y={y}>
      <Text font={FONT_REGULAR} fontSize={theme.bodySize * 1.1} position={[-WIDTH / 2 + 0.05, 0, 0]} color={theme.text} anchorX="left" anchorY="middle">
        {name}
      </Text>
      <VrButton label={`${name} −`} text="−" width={0.08} position={[0.1, 0, 0]} onSelect={() => step(-1)} />
      <Text font={FONT_BOLD} fontSize={theme.labelSize} position={[0.22, 0, 0]} color={theme.text} anchorX="center" anchorY="middle">
        {`${Math.round(value * 100)} %`}
      </Text>
      <VrButton label={`${name} +`} text="+" width={0.08} position={[0.34, 0, 0]} onSelect={() => step(1)} />
    </group>
  );
}

/**
 * Comfort and access in a headset, as in the 2D settings: seated or standing,
 * reduced motion, larger text, high contrast, which cues play, and volumes.
 * Changes apply at once (and are saved like any other settings change).
 */
export function ComfortPanel({ onDone }: { onDone: () => void }) {
  const s = useAppStore((st) => st.settings);
  const update = (patch: Partial<Settings>) => useAppStore.getState().updateSettings(patch);
  const flip = (key: Flag) => update({ [key]: !useAppStore.getState().settings[key] });
  const cue = (key: keyof CueSettings) => useAppStore.getState().setCues({ [key]: !useAppStore.getState().settings.cues[key] });
  const first = HEIGHT / 2 - 0.14;
  return (
    <VrPanel title="Settings" width={WIDTH} height={HEIGHT}>
      <group position-y={first}>
        <Toggle label="Seated" on={s.seated} x={THREE[0]!} onSelect={() => update({ seated: true })} />
        <Toggle label="Standing" on={!s.seated} x={THREE[1]!} onSelect={() => update({ seated: false })} />
        <Toggle label="Reduced motion" on={s.reducedMotion} x={THREE[2]!} onSelect={() => flip("reducedMotion")} />
      </group>
      <group position-y={first - TOGGLE_PITCH}>
        <Toggle label="Larger text" on={s.largeText} x={THREE[0]!} onSelect={() => flip("largeText")} />
        <Toggle label="High contrast" on={s.highContrast} x={THREE[1]!} onSelect={() => flip("highContrast")} />
      </group>
      <group position-y={first - 2 * TOGGLE_PITCH}>
        <Toggle label="Tones" on={s.cues.tones} x={THREE[0]!} onSelect={() => cue("tones")} />
        <Toggle label="Haptics" on={s.cues.haptics} x={THREE[1]!} onSelect={() => cue("haptics")} />
        <Toggle label="Speech" on={s.cues.speech} x={THREE[2]!} onSelect={() => cue("speech")} />
      </group>
      <VolumeRow name="Ambience" setting="ambienceVolume" y={first - 3 * TOGGLE_PITCH - 0.01} />
      <VolumeRow name="Tone volume" setting="toneVolume" y={first - 3 * TOGGLE_PITCH - 0.01 - VOLUME_PITCH} />
      <VrButton label="Done" width={0.2} position={[0, -HEIGHT / 2 + 0.065, 0]} onSelect={onDone} />
    </VrPanel>
  );
}
