import { CRISIS_REGIONS } from "../../../core/care/crisis";
import { useAppStore } from "../../state/store";

/** Picks the region whose crisis lines are shown; used in the crisis dialog and in settings. */
export function RegionSelect({ id, label }: { id: string; label: string }) {
  const region = useAppStore((s) => s.settings.region);
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={region} onChange={(e) => useAppStore.getState().updateSettings({ region: e.currentTarget.value })}>
        {CRISIS_REGIONS.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </p>
  );
}
