import { CRISIS_CHECKED, CRISIS_REGIONS, crisisRegion } from "../../../core/care";
import { useAppStore } from "../../state/store";
import { smsLink, withTelLinks } from "./telLinks";
import { webLink } from "./webLink";

/** The emergency number and crisis lines for the chosen region, with a region picker. */
export function CrisisLines() {
  const region = crisisRegion(useAppStore((s) => s.settings.region));
  return (
    <div className="crisis-lines">
      <p className="field">
        <label htmlFor="crisis-region">Region</label>
        <select id="crisis-region" value={region.code} onChange={(e) => useAppStore.getState().updateSettings({ region: e.currentTarget.value })}>
          {CRISIS_REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </p>
      <h3>Emergency</h3>
      <p className="emergency">If you are in danger now, call {withTelLinks(region.emergency)}.</p>
      <h3>Talk to someone</h3>
      <ul className="lines">
        {region.lines.map((line) => (
          <li key={line.name}>
            <strong>{line.name}</strong>
            {line.phone && <span> · Call {withTelLinks(line.phone)}</span>}
            {line.text && <span> · {smsLink(line.text)}</span>}
            {line.web && <span> · {webLink(line.web)}</span>}
            <span className="hours"> · {line.hours}</span>
          </li>
        ))}
      </ul>
      <p className="hint">Numbers checked {CRISIS_CHECKED}. Web links open in a new tab.</p>
    </div>
  );
}
