import type { ClientInit } from '@sveltejs/kit';
import { watchTypedValues } from '$lib/typed-before-hydration';

/** Runs before the page hydrates: from here on, what a person types survives hydration. */
export const init: ClientInit = () => {
  watchTypedValues();
};
