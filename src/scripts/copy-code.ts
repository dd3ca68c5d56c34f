/** Copy buttons of code blocks: one listener per page; the result is announced to screen readers. */

const RESET_AFTER_MS = 2000;

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy]');
  const figure = button?.closest('figure');
  const code = figure?.querySelector('pre code');
  if (!button || !figure || !code) return;
  const status = figure.querySelector('[data-copy-status]');
  const show = (message: string) => {
    button.textContent = message;
    if (status) status.textContent = message;
    setTimeout(() => {
      button.textContent = 'Copy';
      if (status) status.textContent = '';
    }, RESET_AFTER_MS);
  };
  navigator.clipboard.writeText(code.textContent ?? '').then(
    () => show('Copied'),
    () => show('Copy failed'),
  );
});
