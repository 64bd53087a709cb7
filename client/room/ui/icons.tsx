import type { ReactElement } from "react";
import type { Reaction } from "../../../core/protocol";

/**
 * Small line icons drawn inline (no icon font or emoji font: many devices, and headless
 * browsers, have no colour emoji). Always beside words, never alone: hidden from screen readers.
 */
function Icon({ children, className = "icon" }: { children: ReactElement | ReactElement[]; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="1.25em" height="1.25em" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        {children}
      </g>
    </svg>
  );
}

const HEART = <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />;
const PALM = <path d="M8 13V6.5a1.3 1.3 0 0 1 2.6 0V11m0-5.5V4.8a1.3 1.3 0 0 1 2.6 0V11m0-5.3a1.3 1.3 0 0 1 2.6 0V11.5m0-3.3a1.3 1.3 0 0 1 2.6 0V14a7 7 0 0 1-7 7h-.5a6 6 0 0 1-4.6-2.2L4 15.6a1.4 1.4 0 0 1 2-1.9L8 15.5" />;

export const HeartIcon = () => <Icon>{HEART}</Icon>;
export const HandIcon = () => <Icon>{PALM}</Icon>;
export const WaveIcon = () => (
  <Icon>
    <g transform="rotate(-18 12 13)">{PALM}</g>
    <path d="M3.5 6.5a5 5 0 0 1 2.5-3M20.5 4.5a6 6 0 0 1 1 3" />
  </Icon>
);
export const ClapIcon = () => (
  <Icon>
    <path d="M7 21l-2.6-4.5a1.4 1.4 0 0 1 2.4-1.4l1.5 2.5M6.4 14l-2-3.5a1.3 1.3 0 0 1 2.3-1.3l2.6 4.6m-2-7.4a1.3 1.3 0 0 1 2.3-1.3l3.6 6.3M11 9.3a1.3 1.3 0 0 1 2.3-1.3l2.6 4.5a6 6 0 0 1-2.2 8.2L13 21" />
    <path d="M15 3.5l.6-1.5M18 5l1.3-1M19.5 8H21" />
  </Icon>
);
export const MeTooIcon = () => (
  <Icon>
    <circle cx="9" cy="8" r="3" />
    <path d="M3.5 20a5.5 5.5 0 0 1 11 0" />
    <circle cx="16.5" cy="9" r="2.5" />
    <path d="M15.5 14.2A4.6 4.6 0 0 1 21 18.7" />
  </Icon>
);
export const StoneIcon = () => (
  <Icon>
    <path d="M4 15c0-4 3.6-7 8.3-7S20 10.6 20 13.6 16.8 19 12 19s-8-1.5-8-4z" />
    <path d="M8.5 12.5c1-1.2 2.4-1.8 4-1.8" />
  </Icon>
);

/** What each reaction is called, everywhere it is shown or announced. */
export const REACTION_NAMES: Record<Reaction, string> = { heart: "Heart", wave: "Wave", metoo: "Me too", clap: "Clap" };

export const REACTION_ICONS: Record<Reaction, () => ReactElement> = { heart: HeartIcon, wave: WaveIcon, metoo: MeTooIcon, clap: ClapIcon };
