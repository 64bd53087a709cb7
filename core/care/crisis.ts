/**
 * Crisis resources shipped with the app, so they work offline and without
 * any request to another origin. Numbers are checked against each service's
 * own published details; `checked` says when.
 */
export interface CrisisLine {
  readonly name: string;
  /** what to dial, as people write it locally */
  readonly phone?: string;
  /** number to text, with the keyword if any */
  readonly text?: string;
  /** shown as text (not fetched by the app) */
  readonly web?: string;
  readonly hours: string;
}

export interface CrisisRegion {
  /** ISO 3166-1 alpha-2, or "INTL" */
  readonly code: string;
  readonly name: string;
  /** emergency services number */
  readonly emergency: string;
  readonly lines: readonly CrisisLine[];
}

export const CRISIS_CHECKED = "2026-11";

export const INTERNATIONAL: CrisisRegion = {
  code: "INTL",
  name: "Anywhere (international directory)",
  emergency: "112 works from mobile phones in many countries; otherwise your local emergency number",
  lines: [
    { name: "Find A Helpline — free, confidential helplines in 130+ countries", web: "findahelpline.com", hours: "Directory, always available" },
    { name: "International Association for Suicide Prevention — crisis centres", web: "iasp.info/crisis-centres-helplines", hours: "Directory" },
  ],
};

export const CRISIS_REGIONS: readonly CrisisRegion[] = [
  INTERNATIONAL,
  {
    code: "US",
    name: "United States",
    emergency: "911",
    lines: [
      { name: "988 Suicide & Crisis Lifeline", phone: "988", text: "988", web: "988lifeline.org", hours: "24/7" },
      { name: "Crisis Text Line", text: "HOME to 741741", web: "crisistextline.org", hours: "24/7" },
    ],
  },
  {
    code: "CA",
    name: "Canada",
    emergency: "911",
    lines: [{ name: "9-8-8 Suicide Crisis Helpline", phone: "988", text: "988", web: "988.ca", hours: "24/7" }],
  },
  {
    code: "GB",
    name: "United Kingdom",
    emergency: "999",
    lines: [
      { name: "Samaritans", phone: "116 123", web: "samaritans.org", hours: "24/7" },
      { name: "Shout", text: "SHOUT to 85258", web: "giveusashout.org", hours: "24/7" },
      { name: "NHS urgent mental health (England)", phone: "111, option 2", hours: "24/7" },
    ],
  },
  {
    code: "IE",
    name: "Ireland",
    emergency: "112 or 999",
    lines: [
      { name: "Samaritans Ireland", phone: "116 123", web: "samaritans.ie", hours: "24/7" },
      { name: "Text About It (50808)", text: "HELLO to 50808", web: "text50808.ie", hours: "24/7" },
    ],
  },
  {
    code: "AU",
    name: "Australia",
    emergency: "000",
    lines: [
      { name: "Lifeline", phone: "13 11 14", text: "0477 13 11 14", web: "lifeline.org.au", hours: "24/7" },
      { name: "Beyond Blue", phone: "1300 22 4636", web: "beyondblue.org.au", hours: "24/7" },
    ],
  },
  {
    code: "NZ",
    name: "New Zealand",
    emergency: "111",
    lines: [{ name: "Need to talk? 1737", phone: "1737", text: "1737", web: "1737.org.nz", hours: "24/7" }],
  },
  {
    code: "DE",
    name: "Deutschland",
    emergency: "112",
    lines: [{ name: "TelefonSeelsorge", phone: "0800 111 0 111 / 0800 111 0 222", web: "telefonseelsorge.de", hours: "24/7" }],
  },
  {
    code: "FR",
    name: "France",
    emergency: "112",
    lines: [{ name: "3114 — numéro national de prévention du suicide", phone: "3114", web: "3114.fr", hours: "24/7" }],
  },
  {
    code: "NL",
    name: "Nederland",
    emergency: "112",
    lines: [{ name: "113 Zelfmoordpreventie", phone: "113 or 0800 0113", web: "113.nl", hours: "24/7" }],
  },
  {
    code: "ES",
    name: "España",
    emergency: "112",
    lines: [{ name: "Línea 024 de atención a la conducta suicida", phone: "024", hours: "24/7" }],
  },
  {
    code: "IN",
    name: "India",
    emergency: "112",
    lines: [{ name: "Tele-MANAS", phone: "14416 or 1-800-891-4416", hours: "24/7" }],
  },
];

/** The region for a code (e.g. from the browser's locale), or the international directory. */
export function crisisRegion(code: string | undefined): CrisisRegion {
  const wanted = code?.toUpperCase();
  return CRISIS_REGIONS.find((r) => r.code === wanted) ?? INTERNATIONAL;
}

/** Region code from a BCP 47 tag like "en-GB" (undefined if none). */
export function regionFromLocale(locale: string | undefined): string | undefined {
  const match = locale?.match(/[-_]([A-Za-z]{2})(?:[-_]|$)/);
  return match?.[1]?.toUpperCase();
}

/** The region after `code` in the list, wrapping around: for pickers with only a "next" button (in VR). */
export function nextCrisisRegion(code: string | undefined): CrisisRegion {
  const index = CRISIS_REGIONS.indexOf(crisisRegion(code));
  return CRISIS_REGIONS[(index + 1) % CRISIS_REGIONS.length] ?? INTERNATIONAL;
}
