import { CRISIS_CHECKED, crisisRegion } from "../../../core/care/crisis";
import { useAppStore } from "../../state/store";
import { RegionSelect } from "./RegionSelect";
import { smsLink, withTelLinks } from "./telLinks";
import { webLink } from "./webLink";

/** The emergency number and crisis lines for the chosen region, with a region picker. */
export function CrisisLines() {
  const region = crisisRegion(useAppStore((s) => s.settings.region));
  return (
    <div className="crisis-lines">
      <RegionSelect id="crisis-region" label="Region" />
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
