/**
 * What a page does for a reader on their own device, and nothing more: registers the service
 * worker that keeps the site for offline reading, keeps reading progress in localStorage (the
 * notes opened, no cookie, no request anywhere) and hands it to the page's lists of notes, and
 * makes code blocks' copy buttons work. One script for every page: a second would cost a note
 * page a second request. Without JavaScript the pages are plain.
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
// Lists of notes (src/scripts/reading-lists.ts) come earlier in the page, so their listener is in place.
document.dispatchEvent(new CustomEvent('reading-progress' satisfies keyof PageEvents, { detail: slugs }));
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
