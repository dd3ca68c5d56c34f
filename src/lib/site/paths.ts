/** Every URL and element id the site builds for its own pages, in one place. */

/** The base path as a prefix of site paths: with exactly one trailing slash, `/sub/` for `/sub` or `/sub/`. */
export const basePrefix = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** Joins the configured base path and a site path, keeping exactly one slash between them. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  return `${basePrefix(base)}${path.replace(/^\/+/, '')}`;
}

export const homeUrl = (base?: string) => withBase('/', base);
export const noteUrl = (slug: string, base?: string) => withBase(`/notes/${slug}/`, base);
export const tagsIndexUrl = (base?: string) => withBase('/tags/', base);
export const tagUrl = (tagId: string, base?: string) => withBase(`/tags/${tagId}/`, base);
export const referencesUrl = (base?: string) => withBase('/references/', base);
export const searchUrl = (base?: string) => withBase('/search/', base);
export const rssUrl = (base?: string) => withBase('/rss.xml', base);
export const readingPathsUrl = (base?: string) => withBase('/paths/', base);
export const changesUrl = (base?: string) => withBase('/changes/', base);
export const errorsUrl = (base?: string) => withBase('/errors/', base);
export const errorUrl = (slug: string, base?: string) => withBase(`/errors/${slug}/`, base);
/** The element id of one module's messages on the errors page. */
export const errorModuleAnchor = (module: string) => `module-${module.replaceAll('.', '-')}`;
/** The element id of a release's section on the changes page, e.g. `python-3-15`. */
export const releaseAnchor = (release: string) => `python-${release.replace('.', '-')}`;
/** The element id of a reading path on the paths page. */
export const readingPathAnchor = (pathId: string) => `path-${pathId}`;
export const readingPathUrl = (pathId: string, base?: string) =>
  `${readingPathsUrl(base)}#${readingPathAnchor(pathId)}`;

/** The absolute URL of a site path, for canonical links and feeds. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/**
 * The ids the layout gives its own elements around a note, and the one the footnotes section
 * carries. A heading never takes one of them (src/plugins/heading-ids.ts starts from these).
 */
export const LAYOUT_IDS = {
  main: 'main',
  tableOfContents: 'toc-heading',
  references: 'references',
  related: 'related-heading',
  footnotes: 'footnote-label',
  /** An error page's list of the message in each version. */
  versions: 'versions-heading',
} as const;

/** Every id a heading must not take. */
export const RESERVED_IDS: readonly string[] = Object.values(LAYOUT_IDS);

/** The layout's ids a note page carries, by what it shows: a section it does not render has no id to link to. */
export function layoutIdsOf(shows: { tableOfContents: boolean; references: boolean; related: boolean }): string[] {
  return [
    LAYOUT_IDS.main,
    ...(shows.tableOfContents ? [LAYOUT_IDS.tableOfContents] : []),
    ...(shows.references ? [LAYOUT_IDS.references] : []),
    ...(shows.related ? [LAYOUT_IDS.related] : []),
  ];
}

/** The element id of a reference on the page of its kind. */
export const referenceAnchor = (referenceId: string) => `ref-${referenceId}`;
/** The page of every reference of one kind (the PEPs, the talks…). */
export const referenceKindUrl = (kind: string, base?: string) => withBase(`/references/${kind}/`, base);
/** The page of every reference the notes of one tag cite. */
export const referenceTopicUrl = (tagId: string, base?: string) => withBase(`/references/topics/${tagId}/`, base);
/** The page of every standard-library API the notes name. */
export const apiIndexUrl = (base?: string) => withBase('/references/apis/', base);
/** The element id of one module's APIs on the index page; unlike an API's own id, it cannot clash. */
export const apiModuleAnchor = (module: string) => `api-module-${module}`;
/** The element id of one API on the index page. */
export const apiAnchor = (name: string) => `api-${name}`;
/** The element id of a group of references of one kind on the index page. */
export const kindAnchor = (kind: string) => `kind-${kind}`;
/** Where a reference is shown in full: on the page of its kind. */
export const referenceUrl = (reference: { id: string; data: { kind: string } }, base?: string) =>
  `${referenceKindUrl(reference.data.kind, base)}#${referenceAnchor(reference.id)}`;
export const referencesJsonUrl = (base?: string) => withBase('/references.json', base);
