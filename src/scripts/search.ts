/**
 * The search page's behaviour: an error message pasted whole (a traceback, a log line) lists its
 * error entry first, found by the message's pattern whatever names and addresses it carries; then
 * the Pagefind index lists matching pages with excerpts, searched for the pasted words that are
 * not the reader's own when the words as pasted find nothing.
 */
import { type ErrorMatch, type ErrorPattern, matchPastedError, searchableWords } from '../lib/errors/pasted';
import { errorUrl } from '../lib/site/paths';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(
    term: string,
    options?: object,
    wait?: number,
  ): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

const MAX_RESULTS = 20;
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  const base = import.meta.env.BASE_URL;
  pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (module) => {
    await module.options({ baseUrl: base });
    return module;
  });
  return pagefind;
}

function errorItem(document: Document, match: ErrorMatch): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-results__error';
  const link = document.createElement('a');
  link.href = errorUrl(match.slug);
  const code = document.createElement('code');
  code.textContent = match.title;
  link.append(code);
  const kind = document.createElement('p');
  kind.className = 'meta';
  kind.textContent = 'Error message: what it means and how to fix it';
  item.append(link, kind);
  return item;
}

function resultItem(document: Document, data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text and only adds <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(link, excerpt);
  return item;
}

function errorPatterns(document: Document): ErrorPattern[] {
  const data = document.getElementById('error-patterns')?.textContent;
  return data ? (JSON.parse(data) as ErrorPattern[]) : [];
}

async function show(
  document: Document,
  term: string,
  patterns: readonly ErrorPattern[],
  list: HTMLElement,
  status: HTMLElement,
) {
  if (term.trim() === '') {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const errors = matchPastedError(term, patterns);
  const pagefind = await loadPagefind();
  let search = await pagefind.debouncedSearch(term);
  if (search === null) return; // a newer keystroke replaced this search
  const words = searchableWords(term);
  if (search.results.length === 0 && words !== '' && words !== term.trim()) {
    search = await pagefind.debouncedSearch(words, {}, 0);
    if (search === null) return;
  }
  const shown = new Set(errors.map((match) => new URL(errorUrl(match.slug), document.baseURI).pathname));
  const pages = (await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()))).filter(
    (data) => !shown.has(new URL(data.url, document.baseURI).pathname),
  );
  list.replaceChildren(
    ...errors.map((match) => errorItem(document, match)),
    ...pages.map((data) => resultItem(document, data)),
  );
  const count = errors.length + pages.length;
  status.textContent =
    count === 0 ? `Nothing matches “${term}”.` : `${count} ${count === 1 ? 'page matches' : 'pages match'} “${term}”.`;
}

export function startSearch(document: Document): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const list = document.querySelector<HTMLElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  if (!form || !input || !list || !status) return;
  const patterns = errorPatterns(document);

  const run = () => {
    const url = new URL(document.location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    show(document, input.value, patterns, list, status).catch(() => {
      status.textContent = 'Search is not available right now.';
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener('input', run);

  const initial = new URLSearchParams(document.location.search).get('q');
  if (initial) {
    input.value = initial;
    run();
  }
}
