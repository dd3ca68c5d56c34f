/** The copy buttons of code blocks: one delegated listener per page, the result announced to screen readers. */
const RESET_AFTER_MS = 2000;
const resets = new WeakMap<Element, number>();

export function startCopyButtons(document: Document): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('button[data-copy]');
    const figure = button?.closest('figure');
    const code = figure?.querySelector('pre code');
    if (!button || !figure || !code) return;
    const status = figure.querySelector('[data-copy-status]');
    const show = (message: string) => {
      button.textContent = message;
      if (status) status.textContent = message;
      // A second click within the delay must not be cut short by the first click's reset.
      clearTimeout(resets.get(button));
      resets.set(
        button,
        window.setTimeout(() => {
          button.textContent = 'Copy';
          if (status) status.textContent = '';
        }, RESET_AFTER_MS),
      );
    };
    // navigator.clipboard is missing outside secure contexts (plain http, some embedded browsers).
    const copying = navigator.clipboard?.writeText(code.textContent ?? '') ?? Promise.reject(new Error('no clipboard'));
    copying.then(
      () => show('Copied'),
      () => show('Copy failed'),
    );
  });
}
