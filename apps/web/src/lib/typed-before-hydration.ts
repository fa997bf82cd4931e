/**
 * What a person types before the page's script has taken over. Svelte writes each field's
 * `value={…}` into the page when it hydrates, which wipes anything typed meanwhile: on a slow
 * phone, the name half-typed into the registration form. The client hook starts watching before
 * hydration; the root layout puts the typed values back once hydration is done.
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Typed = { value: string; checked: boolean };

const typed = new Map<Field, Typed>();
let watching = false;

const isField = (target: EventTarget | null): target is Field =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement;

const remember = (field: Field) =>
  typed.set(field, {
    value: field.value,
    checked: field instanceof HTMLInputElement && field.checked,
  });

function onInput(event: Event) {
  if (isField(event.target) && event.isTrusted) remember(event.target);
}

/** Starts recording typed values, including any typed before the script arrived. */
export function watchTypedValues(): void {
  if (watching) return;
  watching = true;
  for (const field of document.querySelectorAll<Field>('input, textarea, select')) {
    const changed =
      field instanceof HTMLSelectElement
        ? [...field.options].some((o) => o.selected !== o.defaultSelected)
        : field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')
          ? field.checked !== field.defaultChecked
          : field.value !== field.defaultValue;
    if (changed) remember(field);
  }
  document.addEventListener('input', onInput, true);
  document.addEventListener('change', onInput, true);
}

/**
 * Puts back what was typed where hydration changed it, telling the page through an `input`
 * event so its state follows; then stops watching.
 */
export function restoreTypedValues(): void {
  if (!watching) return;
  watching = false;
  document.removeEventListener('input', onInput, true);
  document.removeEventListener('change', onInput, true);
  for (const [field, was] of typed) {
    if (!field.isConnected) continue;
    const box =
      field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');
    if (box ? field.checked === was.checked : field.value === was.value) continue;
    if (box) field.checked = was.checked;
    else field.value = was.value;
    field.dispatchEvent(new Event(box ? 'change' : 'input', { bubbles: true }));
  }
  typed.clear();
}
