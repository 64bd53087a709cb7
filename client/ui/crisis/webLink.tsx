import type { ReactNode } from "react";

/**
 * A link to a crisis line's site ("findahelpline.com"), so nobody in crisis has
 * to retype it. It opens in a new tab, leaving the practice where it was; the
 * app itself fetches nothing from that origin, and shares no referrer or opener.
 */
export function webLink(address: string): ReactNode {
  return (
    <a href={`https://${address}`} target="_blank" rel="noreferrer noopener">
      {address}
    </a>
  );
}
