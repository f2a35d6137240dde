// The keyboard of a form as in any editor (issue 20, item 13): Ctrl+S (⌘S) saves the form being worked in, and Enter
// in a one-line field does not send a form of several fields (only a single-field dialog is sent by Enter).
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

type SavingForm = { area: RefObject<HTMLElement | null>; save: () => void };
const forms = new Set<SavingForm>();

/** The form holding the focus; with the focus nowhere in a form (on the page itself), the only form on screen. */
function formToSave(): SavingForm | undefined {
  const focused = document.activeElement;
  const holding = [...forms].filter((form) => form.area.current?.contains(focused));
  if (holding.length > 0) return holding.at(-1);
  return forms.size === 1 ? [...forms][0] : undefined;
}

function onKeyDown(event: globalThis.KeyboardEvent) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
  // The browser's own "Save page as…" never helps here, whether or not a form takes the keys (none shown, or one
  // with nothing to save): it would only save a copy of the page.
  event.preventDefault();
  formToSave()?.save();
}

/** Listens for Ctrl+S (⌘S) for the whole life of the page: once, before the app is drawn. */
export function installSaveShortcut(): void {
  document.addEventListener('keydown', onKeyDown, true);
}

/**
 * Ctrl+S (⌘S) runs `save` while the focus is inside `area` (in a field, a rich-text editor or on a button), or
 * anywhere on the page when this is the only form shown. `save` null (read-only, nothing to save) leaves this form out;
 * the keys still never reach the browser (installSaveShortcut).
 */
export function useSaveShortcut(area: RefObject<HTMLElement | null>, save: (() => void) | null): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  const enabled = save !== null;
  useEffect(() => {
    if (!enabled) return;
    const form: SavingForm = { area, save: () => latest.current?.() };
    forms.add(form);
    return () => void forms.delete(form);
  }, [area, enabled]);
}

const ONE_LINE_INPUT = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'password', 'date', 'month', 'time']);

/**
 * A form's onKeyDown: Enter in a one-line field of a form with several fields stays in that field instead of sending
 * the whole form (a text area, a list that takes Enter, a button keep their own Enter). Single-field dialogs leave it out.
 */
export function keepEnterInField(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  const target = event.target;
  if (target instanceof HTMLInputElement && ONE_LINE_INPUT.has(target.type)) event.preventDefault();
}
