import { Text } from "@react-three/drei";
import { NOT_THERAPY_NOTICE, crisisRegion, nextCrisisRegion, type CrisisLine } from "../../../core/care";
import { FONT_BOLD, FONT_REGULAR } from "../../scene/font";
import { useAppStore } from "../../state/store";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { BODY_LINE_HEIGHT, headerLayout, textHeight } from "./textLayout";
import { useVrTheme } from "./useVrTheme";

function lineText(line: CrisisLine): string {
  const ways = [line.phone && `call ${line.phone}`, line.text && `text ${line.text}`, line.web].filter(Boolean).join(" · ");
  return `${line.name}\n${ways} (${line.hours})`;
}

const WIDTH = 0.78;

/**
 * Crisis help inside the headset: the lines for the person's region, the
 * emergency number, and the plain statement that this is not a crisis
 * service. Shown in place of the flow panel while `crisisOpen`.
 */
export function CrisisPanel() {
  const theme = useVrTheme();
  const region = crisisRegion(useAppStore((s) => s.settings.region));
  const body = [`Emergency: ${region.emergency}`, ...region.lines.map(lineText)].join("\n\n");
  // The board grows with the text (larger text, regions with more lines): every line must stay readable.
  const bodyTop = headerLayout(theme.titleSize, theme.bodySize).subtitle + theme.bodySize;
  const noticeSize = theme.bodySize * 0.85;
  const noticeHeight = textHeight(NOT_THERAPY_NOTICE, noticeSize, WIDTH - 0.08);
  const height = bodyTop + textHeight(body, theme.bodySize, WIDTH - 0.08) + 0.03 + noticeHeight + 0.14;
  return (
    <VrPanel title="Need help now?" subtitle={region.name} width={WIDTH} height={height}>
      <Text font={FONT_REGULAR} fontSize={theme.bodySize} lineHeight={BODY_LINE_HEIGHT} position={[-WIDTH / 2 + 0.04, height / 2 - bodyTop, 0]} color={theme.text} anchorX="left" anchorY="top" maxWidth={WIDTH - 0.08}>
        {body}
      </Text>
      <Text font={FONT_BOLD} fontSize={noticeSize} lineHeight={BODY_LINE_HEIGHT} position={[0, -height / 2 + 0.12 + noticeHeight / 2, 0]} color={theme.muted} anchorX="center" anchorY="middle" maxWidth={WIDTH - 0.08} textAlign="center">
        {NOT_THERAPY_NOTICE}
      </Text>
      <VrButton label="Close" position={[-0.12, -height / 2 + 0.06, 0]} onSelect={() => useAppStore.getState().closeCrisis()} />
      {/* The page has a full region list; in VR one button steps through the regions. */}
      <VrButton
        label="Next region"
        width={0.2}
        position={[0.12, -height / 2 + 0.06, 0]}
        onSelect={() => {
          const state = useAppStore.getState();
          state.updateSettings({ region: nextCrisisRegion(state.settings.region).code });
        }}
      />
    </VrPanel>
  );
}
