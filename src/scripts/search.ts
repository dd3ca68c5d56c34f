/** The search page's behaviour: query the Pagefind index and list matching notes with excerpts. */

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

async function show(document: Document, term: string, list: HTMLElement, status: HTMLElement) {
  if (term.trim() === '') {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const search = await (await loadPagefind()).debouncedSearch(term);
  if (search === null) return; // a newer keystroke replaced this search
  const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  list.replaceChildren(...results.map((data) => resultItem(document, data)));
  const count = search.results.length;
  status.textContent =
    count === 0 ? `No notes match “${term}”.` : `${count} ${count === 1 ? 'note matches' : 'notes match'} “${term}”.`;
}

export function startSearch(document: Document): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const list = document.querySelector<HTMLElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  if (!form || !input || !list || !status) return;

  const run = () => {
    const url = new URL(document.location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    show(document, input.value, list, status).catch(() => {
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
