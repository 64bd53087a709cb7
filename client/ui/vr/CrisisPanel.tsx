import { Text } from "@react-three/drei";
import { NOT_THERAPY_NOTICE, crisisRegion, type CrisisLine } from "../../../core/care";
import { FONT_BOLD, FONT_REGULAR } from "../../scene/font";
import { useAppStore } from "../../state/store";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { VR_THEME } from "./theme";

function lineText(line: CrisisLine): string {
  const ways = [line.phone && `call ${line.phone}`, line.text && `text ${line.text}`, line.web].filter(Boolean).join(" · ");
  return `${line.name}\n${ways} (${line.hours})`;
}

const WIDTH = 0.78;
const HEIGHT = 0.66;

/**
 * Crisis help inside the headset: the lines for the person's region, the
 * emergency number, and the plain statement that this is not a crisis
 * service. Shown in place of the flow panel while `crisisOpen`.
 */
export function CrisisPanel() {
  const region = crisisRegion(useAppStore((s) => s.settings.region));
  const body = [`Emergency: ${region.emergency}`, ...region.lines.map(lineText)].join("\n\n");
  return (
    <VrPanel title="Need help now?" subtitle={region.name} width={WIDTH} height={HEIGHT}>
      <Text font={FONT_REGULAR} fontSize={VR_THEME.bodySize} lineHeight={1.25} position={[-WIDTH / 2 + 0.04, HEIGHT / 2 - 0.13, 0]} color={VR_THEME.text} anchorX="left" anchorY="top" maxWidth={WIDTH - 0.08}>
        {body}
      </Text>
      <Text font={FONT_BOLD} fontSize={VR_THEME.bodySize * 0.85} lineHeight={1.25} position={[0, -HEIGHT / 2 + 0.175, 0]} color={VR_THEME.muted} anchorX="center" anchorY="middle" maxWidth={WIDTH - 0.08} textAlign="center">
        {NOT_THERAPY_NOTICE}
      </Text>
      <VrButton label="Close" position={[0, -HEIGHT / 2 + 0.06, 0]} onSelect={() => useAppStore.getState().closeCrisis()} />
    </VrPanel>
  );
}
