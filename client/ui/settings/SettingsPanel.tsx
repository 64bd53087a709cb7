import type { KeyboardEvent } from "react";
import { useAppStore } from "../../state/store";
import { RegionSelect } from "../crisis/RegionSelect";
import { Toggle, Volume } from "./SettingsFields";
import { useHasVoices } from "./useVoices";

/** Comfort, cues, sound, posture and crisis region. Every change applies at once and is saved on this device. */
export function SettingsPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const settings = useAppStore((s) => s.settings);
  const voices = useHasVoices();
  const { updateSettings, setCues } = useAppStore.getState();

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    // Escape here means "close settings"; it must not also reach the practice keys and stop a practice.
    event.stopPropagation();
    onClose();
  };

  return (
    // data-owns-keys: the practice keys leave Space and Escape inside this panel alone.
    <section id={id} className="settings-panel" aria-labelledby={`${id}-heading`} data-owns-keys="" onKeyDown={onKeyDown}>
      <h2 id={`${id}-heading`}>Settings</h2>
      <fieldset>
        <legend>Comfort</legend>
        <Toggle label="Reduced motion" checked={settings.reducedMotion} onChange={(reducedMotion) => updateSettings({ reducedMotion })} />
        <Toggle label="Larger text" checked={settings.largeText} onChange={(largeText) => updateSettings({ largeText })} />
        <Toggle label="High contrast" checked={settings.highContrast} onChange={(highContrast) => updateSettings({ highContrast })} />
      </fieldset>
      <fieldset>
        <legend>Cues</legend>
        <Toggle label="Soft tones" checked={settings.cues.tones} onChange={(tones) => setCues({ tones })} />
        <Toggle label="Controller vibration" checked={settings.cues.haptics} onChange={(haptics) => setCues({ haptics })} />
        <Toggle
          label="Spoken guidance"
          checked={settings.cues.speech && voices}
          disabled={!voices}
          onChange={(speech) => setCues({ speech })}
          note={voices ? undefined : "No voices on this device"}
        />
      </fieldset>
      <fieldset>
        <legend>Sound</legend>
        <Volume id={`${id}-ambience`} label="Ambience volume" value={settings.ambienceVolume} onChange={(ambienceVolume) => updateSettings({ ambienceVolume })} />
        <Volume id={`${id}-tones`} label="Tone volume" value={settings.toneVolume} onChange={(toneVolume) => updateSettings({ toneVolume })} />
      </fieldset>
      <fieldset>
        <legend>In a headset</legend>
        <label>
          <input type="radio" name={`${id}-posture`} checked={settings.seated} onChange={() => updateSettings({ seated: true })} /> Seated
        </label>{" "}
        <label>
          <input type="radio" name={`${id}-posture`} checked={!settings.seated} onChange={() => updateSettings({ seated: false })} /> Standing
        </label>
      </fieldset>
      <RegionSelect id={`${id}-region`} label="Crisis help region" />
      <button type="button" onClick={onClose}>
        Close settings
      </button>
    </section>
  );
}
