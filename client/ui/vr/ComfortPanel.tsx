import { Container } from "@react-three/uikit";
import { useAppStore, type CueSettings } from "../../state/store";
import { StepperRow } from "./CustomPatternPanel";
import { VrButton, VrPanel, VrRow, VrText, VrToggle, space } from "./kit";

type Flag = "reducedMotion" | "largeText" | "highContrast";
type Volume = "ambienceVolume" | "toneVolume";

const WIDTH = 900;
const COLUMN = (WIDTH - 2 * 30 - space("md")) / 2;

/** A volume after one − or + press: steps of 10 %, within 0..1, without float drift. */
export function stepVolume(value: number, direction: 1 | -1): number {
  return Math.min(1, Math.max(0, Math.round(value * 10 + direction) / 10));
}

function VolumeRow({ name, setting }: { name: string; setting: Volume }) {
  const value = useAppStore((s) => s.settings[setting]);
  const step = (d: 1 | -1) => useAppStore.getState().updateSettings({ [setting]: stepVolume(useAppStore.getState().settings[setting], d) });
  return <StepperRow text={name} name={name} value={`${Math.round(value * 100)} %`} onStep={step} />;
}

/** Two columns of switches, filled left then right. */
function Columns({ children }: { children: React.ReactNode[] }) {
  const half = Math.ceil(children.length / 2);
  const column = (items: React.ReactNode[]) => (
    <Container width={COLUMN} flexDirection="column" gap={space("sm")}>
      {items}
    </Container>
  );
  return (
    <Container flexDirection="row" gap={space("md")}>
      {column(children.slice(0, half))}
      {column(children.slice(half))}
    </Container>
  );
}

/**
 * Comfort and access in a headset, as in the 2D settings: seated or standing,
 * reduced motion, larger text, high contrast, which cues play, and volumes.
 * Changes apply at once (and are saved like any other settings change).
 */
export function ComfortPanel({ onDone }: { onDone: () => void }) {
  const s = useAppStore((st) => st.settings);
  const flip = (key: Flag) => useAppStore.getState().updateSettings({ [key]: !useAppStore.getState().settings[key] });
  const cue = (key: keyof CueSettings) => useAppStore.getState().setCues({ [key]: !useAppStore.getState().settings.cues[key] });
  const seat = (seated: boolean) => useAppStore.getState().updateSettings({ seated });
  return (
    <VrPanel title="Settings" width={WIDTH}>
      <VrRow>
        <VrText>I am</VrText>
        <VrButton label="Seated" selected={s.seated} width={200} onSelect={() => seat(true)} />
        <VrButton label="Standing" selected={!s.seated} width={200} onSelect={() => seat(false)} />
      </VrRow>
      <Columns>
        {[
          <VrToggle key="rm" label="Reduced motion" on={s.reducedMotion} onToggle={() => flip("reducedMotion")} />,
          <VrToggle key="lt" label="Larger text" on={s.largeText} onToggle={() => flip("largeText")} />,
          <VrToggle key="hc" label="High contrast" on={s.highContrast} onToggle={() => flip("highContrast")} />,
          <VrToggle key="tones" label="Tones" on={s.cues.tones} onToggle={() => cue("tones")} />,
          <VrToggle key="haptics" label="Haptics" on={s.cues.haptics} onToggle={() => cue("haptics")} />,
          <VrToggle key="speech" label="Speech" on={s.cues.speech} onToggle={() => cue("speech")} />,
        ]}
      </Columns>
      <VolumeRow name="Ambience" setting="ambienceVolume" />
      <VolumeRow name="Tone volume" setting="toneVolume" />
      <VrRow>
        <VrButton label="Done" variant="primary" width={240} onSelect={onDone} />
      </VrRow>
    </VrPanel>
  );
}
