import { tick } from 'svelte';

/** After a refused form comes back, focus its error summary (or else its first invalid input). */
export async function focusFirstProblem(): Promise<void> {
  await tick();
  const target =
    document.querySelector<HTMLElement>('.error-summary') ??
    document.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}
