import { useEffect, useState } from "react";
import { useHasVoices } from "../settings/useVoices";
import { readAloud, stopReading } from "./readAloud";

/**
 * Read `text` aloud and stop again, for a "Read aloud" button: `voices` is false where the device
 * has none (then show no button). Stops when the text changes or the component goes away.
 */
export function useReadAloud(text: string): { voices: boolean; reading: boolean; toggle: () => void } {
  const voices = useHasVoices();
  const [reading, setReading] = useState(false);
  useEffect(() => () => stopReading(), [text]);
  const toggle = () => {
    if (reading) {
      stopReading();
      setReading(false);
    } else setReading(readAloud(text, () => setReading(false)));
  };
  return { voices, reading, toggle };
}
