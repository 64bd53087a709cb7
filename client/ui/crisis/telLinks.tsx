import type { ReactNode } from "react";

const NUMBER = /\+?\d[\d -]*\d|\d/g;

/** Digits (and a leading +) for a tel:/sms: URI. */
export const dialable = (s: string) => s.replace(/[^\d+]/g, "");

/** Text with each phone number in it turned into a tel: link ("116 123", "0800 111 0 111 / 0800 111 0 222"). */
export function withTelLinks(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={`tel:${dialable(match[0])}`}>
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** An sms: link for "HOME to 741741" (keyword as the message body) or a bare number. */
export function smsLink(text: string): ReactNode {
  const m = /^(?:(.+?) to )?([\d +]+)$/.exec(text.trim());
  if (!m?.[2]) return text;
  const body = m[1] ? `?body=${encodeURIComponent(m[1])}` : "";
  return <a href={`sms:${dialable(m[2])}${body}`}>{m[1] ? `Text ${m[1]} to ${m[2].trim()}` : `Text ${m[2].trim()}`}</a>;
}
