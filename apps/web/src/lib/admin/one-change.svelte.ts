import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * The admin's change forms, one at a time: a second press while a change is under way is
 * dropped; on success the form is reset, its dialog (a popover) closes and focus goes to the
 * page's answer, so a screen reader hears what happened. `busy` is the key of the change under
 * way, for the button that shows it.
 */
export function oneChangeAtATime(answer: () => HTMLElement | null) {
  let busy = $state<string | null>(null);
  const change =
    (key: string): SubmitFunction =>
    ({ formElement, cancel }) => {
      if (busy) {
        cancel();
        return;
      }
      busy = key;
      return async ({ result, update }) => {
        try {
          await update({ reset: result.type === 'success' });
        } finally {
          busy = null;
        }
        if (result.type === 'success') {
          formElement.closest<HTMLElement>('[popover]')?.hidePopover();
          await tick();
          answer()?.focus();
        }
      };
    };
  return {
    get busy() {
      return busy;
    },
    change,
  };
}
