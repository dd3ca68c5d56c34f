/**
 * What a page does for a reader on their own device, and nothing more: registers the service
 * worker that keeps the site for offline reading, keeps reading progress in localStorage (the
 * notes opened, no cookie, no request anywhere), and makes code blocks' copy buttons work. One
 * script for every page: two would cost a note page a second request. Without JavaScript the
 * pages are plain.
 */
import { startCopyButtons } from './copy-buttons';

const KEY = 'pcn:read';
const base = import.meta.env.BASE_URL;

function readSlugs(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function save(slugs: Set<string>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([...slugs]));
  } catch {
    // Storage refused (private mode, full): progress is simply not kept.
  }
}

function markRead(slugs: Set<string>): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-note-slug]')) {
    const link = item.querySelector('a');
    if (!link || !slugs.has(item.dataset['noteSlug'] ?? '') || item.querySelector('.read-mark')) continue;
    const mark = document.createElement('span');
    mark.className = 'read-mark';
    mark.innerHTML = '<span aria-hidden="true">✓</span><span class="visually-hidden">(read)</span>';
    link.after(mark);
  }
}

function showProgress(slugs: Set<string>): void {
  // Shown once the reader has read something: a first visit stays exactly as the page was built.
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

const slugs = readSlugs();
const note = document.querySelector<HTMLElement>('[data-note-read]');
if (note?.dataset['noteRead']) {
  const slug = note.dataset['noteRead'];
  slugs.add(slug);
  save(slugs);
  const unread = note.querySelector<HTMLButtonElement>('[data-mark-unread]');
  if (unread) {
    unread.hidden = false;
    unread.addEventListener('click', () => {
      slugs.delete(slug);
      save(slugs);
      unread.textContent = 'Marked as unread';
      unread.disabled = true;
    });
  }
}
markRead(slugs);
showProgress(slugs);
if (document.querySelector('button[data-copy]')) startCopyButtons(document);

if (
  'serviceWorker' in navigator &&
  document.documentElement.dataset['offline'] === 'on' &&
  location.pathname.startsWith(base)
) {
  addEventListener('load', () => {
    const register = () => void navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
    if ('requestIdleCallback' in window) requestIdleCallback(register);
    else setTimeout(register, 1000);
  });
}
