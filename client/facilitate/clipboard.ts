/**
 * Copy text with the async Clipboard API. Resolves false where it is missing or refused (an
 * http:// LAN address is not a secure context; some browsers ask first).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** What to say when copying was refused and the text is selected instead. */
export const COPY_BY_HAND = "This browser didn't allow copying. The link is selected: copy it with Ctrl+C (⌘C on a Mac), or press and hold on a phone.";

/** Copy `field`'s value; where the browser refuses, select it so it can be copied by hand. Resolves whether it was copied. */
export async function copyField(field: HTMLInputElement | null | undefined): Promise<boolean> {
  if (!field) return false;
  if (await copyText(field.value)) return true;
  field.focus();
  field.select();
  return false;
}
