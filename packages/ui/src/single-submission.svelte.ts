/**
 * The result SvelteKit hands an `enhance` callback, as far as a form needs it.
 */
export interface SubmissionResult {
  type: 'success' | 'failure' | 'redirect' | 'error';
}

/**
 * The submit function SvelteKit's `use:enhance` takes, reduced to what one submission at a time
 * needs; SvelteKit's own `SubmitFunction` values are of this shape, so `enhance` accepts it.
 */
export type SingleSubmit = (input: {
  cancel: () => void;
}) =>
  | void
  | ((opts: {
      result: SubmissionResult;
      update: (options?: { reset?: boolean; invalidateAll?: boolean }) => Promise<void>;
    }) => Promise<void>);

/**
 * One submission of a form at a time, for `use:enhance={submission.submit}`: a second press while
 * the first is on its way is dropped (no double registration, no second code sent), `busy` says
 * one is under way (for the button's busy state), and the form keeps what was typed. `after` runs
 * once the page shows the result, to move focus to what changed or to the field at fault.
 */
export function singleSubmission(after?: (result: SubmissionResult) => void | Promise<void>): {
  readonly busy: boolean;
  submit: SingleSubmit;
} {
  let busy = $state(false);
  return {
    get busy() {
      return busy;
    },
    submit: ({ cancel }) => {
      if (busy) {
        cancel();
        return;
      }
      busy = true;
      return async ({ result, update }) => {
        try {
          await update({ reset: false });
        } finally {
          busy = false;
        }
        await after?.(result);
      };
    },
  };
}
