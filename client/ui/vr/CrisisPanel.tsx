import { Container } from "@react-three/uikit";
import { NOT_THERAPY_NOTICE, crisisRegion, nextCrisisRegion, type CrisisLine } from "../../../core/care";
import { useAppStore } from "../../state/store";
import { VrButton, VrList, VrPanel, VrRow, VrText } from "./kit";

const ways = (line: CrisisLine) => [line.phone && `Call ${line.phone}`, line.text && `Text ${line.text}`, line.web].filter(Boolean).join(" · ");

/** The lines scroll beyond this height, so Close and the bar below stay in view, mm. */
const LINES_MAX_HEIGHT = 330;

/**
 * Crisis help inside the headset: the emergency number first and largest,
 * then each line's name (a heading), how to reach it and when, and the plain
 * statement that this is not a crisis service. Shown in place of the flow
 * panel while `crisisOpen`, in front of everything (the orb dims behind it), on a solid board
 * so nothing of the scene shows through the lines.
 */
export function CrisisPanel() {
  const region = crisisRegion(useAppStore((s) => s.settings.region));
  return (
    <VrPanel title="Need help now?" subtitle={region.name} width={820} solid>
      <VrText role="h2" textAlign="center">{`Emergency: ${region.emergency}`}</VrText>
      <VrList maxHeight={LINES_MAX_HEIGHT}>
        {region.lines.map((line) => (
          <Container key={line.name} flexDirection="column" flexShrink={0} gap={4}>
            <VrText role="h3">{line.name}</VrText>
            <VrText>{ways(line)}</VrText>
            <VrText role="small" muted>
              {line.hours}
            </VrText>
          </Container>
        ))}
      </VrList>
      <VrText bold textAlign="center">
        {NOT_THERAPY_NOTICE}
      </VrText>
      <VrRow>
        <VrButton label="Close" variant="primary" grow onSelect={() => useAppStore.getState().closeCrisis()} />
        {/* The page has a full region list; in VR one button steps through the regions. */}
        <VrButton
          label="Next region"
          grow
          onSelect={() => {
            const state = useAppStore.getState();
            state.updateSettings({ region: nextCrisisRegion(state.settings.region).code });
          }}
        />
      </VrRow>
    </VrPanel>
  );
}
