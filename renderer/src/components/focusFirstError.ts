/**
 * After a refused save: brings the first field marked invalid into view (below the sticky bars, not under them) and
 * puts the cursor in it, so that a Save far down a long form never seems to do nothing. Waits a frame: the errors
 * were just set and are drawn on the next render.
 */
export function focusFirstError(within: HTMLElement | null): void {
  window.requestAnimationFrame(() => {
    const field = within?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
}
