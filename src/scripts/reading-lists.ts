/**
 * What lists of notes show a returning reader, from the progress the reader script sends: a mark
 * after each note read, "N of M notes read", and a reading path's next unread step. Only pages
 * with such lists load it; a first visit stays exactly as the page was built.
 */

function markRead(slugs: ReadonlySet<string>): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-note-slug]')) {
    const link = item.querySelector('a');
    if (!link || !slugs.has(item.dataset['noteSlug'] ?? '') || item.querySelector('.read-mark')) continue;
    const mark = document.createElement('span');
    mark.className = 'read-mark';
    mark.innerHTML = '<span aria-hidden="true">✓</span><span class="visually-hidden">(read)</span>';
    link.after(mark);
  }
}

function showProgress(slugs: ReadonlySet<string>): void {
  const progress = document.querySelector<HTMLElement>('[data-read-progress]');
  const total = (progress?.dataset['notes'] ?? '').split(' ').filter(Boolean);
  const read = total.filter((slug) => slugs.has(slug)).length;
  if (progress && read > 0) {
    progress.textContent = `${read} of ${total.length} notes read`;
    progress.hidden = false;
  }
  for (const next of document.querySelectorAll<HTMLElement>('[data-next-unread]')) {
    const steps = [...(next.parentElement?.querySelectorAll<HTMLElement>('[data-note-slug]') ?? [])];
    const isRead = (item: HTMLElement) => slugs.has(item.dataset['noteSlug'] ?? '');
    const step = steps.find((item) => !isRead(item));
    if (!steps.some(isRead)) continue;
    const link = next.querySelector('a');
    const target = step?.querySelector('a');
    if (!link || !target) continue;
    link.href = target.href;
    link.textContent = target.textContent;
    next.hidden = false;
  }
}

document.addEventListener('reading-progress', ({ detail: slugs }) => {
  markRead(slugs);
  showProgress(slugs);
});
