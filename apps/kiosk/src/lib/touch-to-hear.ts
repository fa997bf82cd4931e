/**
 * "Tap once to hear, twice to act" with voice guidance on, as the public kiosk accessibility
 * guidance describes it: the first tap on a control says its name and does nothing else; a second
 * tap on the same control soon after acts. A tap on another control, or after a pause, is a first
 * tap again.
 */

/** How long after hearing a control a second tap on it still acts. */
export const SECOND_TAP_MS = 5_000;

/** The control last heard, and when. */
export interface Armed<T> {
  control: T;
  at: number;
}

/** What a tap on `control` does: act (and forget), or be heard (and remember it). */
export function tapDecision<T>(
  armed: Armed<T> | null,
  control: T,
  now: number,
  windowMs = SECOND_TAP_MS,
): { act: boolean; armed: Armed<T> | null } {
  if (
    armed !== null &&
    armed.control === control &&
    now - armed.at <= windowMs &&
    now >= armed.at
  ) {
    return { act: true, armed: null };
  }
  return { act: false, armed: { control, at: now } };
}

/** Controls a tap can land on; clicks elsewhere (a dialog's backdrop, text) pass untouched. */
const CONTROL = 'button, a[href], [role="button"], [role="link"], summary, label';

/** The words a screen reader would give a control: its label, else its text; with its state. */
export function spokenName(el: Element, words: { on: string; off: string }): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  const byId = labelledBy
    ? labelledBy
        .split(/\s+/)
        .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' ')
    : '';
  const name = (el.getAttribute('aria-label') ?? (byId || visibleText(el)))
    .replace(/\s+/g, ' ')
    .trim();
  const pressed = el.getAttribute('aria-pressed');
  // A toggle's words already end with its state ("고대비 꺼짐"); a pressed choice ("200%") does not.
  if (pressed === 'true' && !name.endsWith(words.on)) return `${name}, ${words.on}`;
  return name;
}

/** An element's text as read aloud: each piece apart (a label and its state chip), drawings left out. */
function visibleText(el: Element): string {
  const pieces: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('[aria-hidden="true"]')) continue;
    const text = node.textContent?.trim();
    if (text) pieces.push(text);
  }
  return pieces.join(' ');
}

/**
 * A capture-phase click handler for the whole kiosk: while `enabled()`, a pointer tap on a control
 * is first said (through `say`) and swallowed; the same control tapped again soon after acts.
 * Controls marked `data-voice-direct` (the voice controls themselves) always act at once, and so do
 * keyboard and scanner presses (a click without a pointer).
 */
export function createTouchToHear(options: {
  enabled: () => boolean;
  say: (text: string) => void;
  words: () => { on: string; off: string; again: string };
  now?: () => number;
}): { onclick: (event: MouseEvent) => void; reset: () => void } {
  const now = options.now ?? (() => Date.now());
  let armed: Armed<Element> | null = null;
  return {
    reset: () => void (armed = null),
    onclick(event) {
      if (!options.enabled() || event.detail === 0) return;
      const target = event.target instanceof Element ? event.target : null;
      const control = target?.closest(CONTROL);
      if (!control || control.closest('[data-voice-direct]')) return;
      const decision = tapDecision(armed, control, now());
      armed = decision.armed;
      if (decision.act) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const words = options.words();
      options.say(`${spokenName(control, words)}. ${words.again}`);
    },
  };
}
