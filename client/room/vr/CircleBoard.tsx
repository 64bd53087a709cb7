import { useFrame } from "@react-three/fiber";
import { Text, type VanillaText } from "@react-three/uikit";
import { useEffect, useRef } from "react";
import { EXERCISES, exerciseName } from "../../../core/exercises";
import { frame } from "../../state/frame";
import { VrList, VrText, useVrTheme } from "../../ui/vr/kit";
import { PIXEL_SIZE } from "../../ui/vr/kit/theme";
import { registerVrText } from "../../ui/vr/targets";
import { circleSentence, pieceSentence, queueNames } from "../consoleActions";
import { usePieceState, useRoom } from "../ui/RoomContext";
import { Board } from "./Board";

const nameOf = (patternId: string) => {
  const exercise = EXERCISES.find((e) => e.id === patternId);
  return exercise ? exerciseName(exercise) : "Breathing";
};

/** The pacer's words as they change, written in the frame loop (no React render per step). */
function LiveCaption() {
  const { type, palette } = useVrTheme();
  const ref = useRef<VanillaText>(null);
  const shown = useRef("");
  useEffect(() => (ref.current ? registerVrText(ref.current, "h3", "live caption", type.h3 * PIXEL_SIZE) : undefined), [type.h3]);
  useFrame(() => {
    if (frame.caption === shown.current) return;
    shown.current = frame.caption;
    ref.current?.setProperties({ text: shown.current });
  });
  // A re-render resets uikit's text to the prop: write the caption again on the next frame.
  useEffect(() => {
    shown.current = "\u0000";
  });
  return (
    <Text ref={ref} fontSize={type.h3} fontWeight="bold" color={palette.text}>
      {""}
    </Text>
  );
}

/**
 * What is happening in the circle: the shared exercise (or breathing alone while it waits) with
 * its live caption, who holds the talking piece, the raised hands in order, and whether the
 * circle is open. The orb itself is in the circle's centre.
 */
export function CircleBoard() {
  const shared = useRoom((s) => (s.practice.running ? s.practice.patternId : ""));
  const cycles = useRoom((s) => s.practice.cycles);
  const alone = useRoom((s) => s.waitingSince >= 0);
  const piece = usePieceState();
  const { me, handQueue } = piece;
  const session = useRoom((s) => s.session);
  const queue = queueNames(piece);
  const exercise = shared ? `${nameOf(shared)}, together · ${cycles} cycles` : alone ? "Breathing on your own while the circle waits" : "No shared exercise right now";
  return (
    <Board heading="In the circle">
      <VrText bold>{exercise}</VrText>
      {shared || alone ? <LiveCaption /> : null}
      <VrText>{pieceSentence(piece)}</VrText>
      <VrText role="h3">{queue.length ? "Raised hands, first raised first" : "No hands raised"}</VrText>
      {queue.length ? (
        <VrList maxHeight={150}>
          {queue.map((name, i) => (
            <VrText key={handQueue[i]}>{`${i + 1}. ${name}${handQueue[i] === me ? " (you)" : ""}`}</VrText>
          ))}
        </VrList>
      ) : null}
      <VrText role="small" muted>
        {circleSentence(session)}
      </VrText>
    </Board>
  );
}
