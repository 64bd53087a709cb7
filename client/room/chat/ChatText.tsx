import { linkifyit } from "linkify-it";
import type { ReactNode } from "react";
import { CRISIS_REGIONS } from "../../../core/care";

// Addresses typed without "https://" (as the crisis lines are written) count as links too.
const linkify = linkifyit({ fuzzyLink: true, fuzzyEmail: false });

/** Hosts of the crisis lines we ship (core/care): the only links a chat message may open. */
const CRISIS_HOSTS: ReadonlySet<string> = new Set(
  CRISIS_REGIONS.flatMap((r) => r.lines.flatMap((l) => (l.web ? [l.web.split("/")[0]!.toLowerCase()] : []))),
);

function crisisHost(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "https:" && CRISIS_HOSTS.has(hostname.toLowerCase().replace(/^www\./, ""));
  } catch {
    return false;
  }
}

/**
 * A chat message as plain text (React escapes it; nothing is ever parsed as markup). Links are
 * shown as they were typed; only the crisis lines' own sites are clickable, opened in a new tab
 * without referrer — anything else stays text, so nobody is sent somewhere by a message.
 */
export function ChatText({ text }: { text: string }) {
  const matches = linkify.match(text);
  if (!matches) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of matches) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const https = m.url.replace(/^http:/, "https:");
    parts.push(
      crisisHost(https) ? (
        <a key={m.index} href={https} target="_blank" rel="noreferrer noopener">
          {m.raw}
        </a>
      ) : (
        <span key={m.index} className="chat-link-text">
          {m.raw}
        </span>
      ),
    );
    last = m.lastIndex;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
