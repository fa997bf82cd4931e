// The components import their stylesheets. The reference declares such imports for every package
// that type-checks them (the plugins), not only for this one; a declaration file has no module to
// import instead.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./css.d.ts" />
/** Shared Svelte components and tokens for the web site and the kiosk. */
export { default as Badge } from './components/Badge.svelte';
export { default as Button } from './components/Button.svelte';
export { default as Card } from './components/Card.svelte';
export { default as Icon } from './components/Icon.svelte';
export { default as InfoRow } from './components/InfoRow.svelte';
export { default as LinkButton } from './components/LinkButton.svelte';
export { default as Notice } from './components/Notice.svelte';
export { default as SeatMeter } from './components/SeatMeter.svelte';
export { default as Spinner } from './components/Spinner.svelte';
export { default as SkipLink } from './components/SkipLink.svelte';
export { default as VisuallyHidden } from './components/VisuallyHidden.svelte';
export { iconPaths, type IconName } from './icons.js';
export {
  singleSubmission,
  type SingleSubmit,
  type SubmissionResult,
} from './single-submission.svelte.js';
