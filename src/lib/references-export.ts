/** The reference index as plain JSON for other tools: reference fields plus the citing notes. */
import type { ApiModule } from './api-index';
import type { ReferenceIndex, ReferenceLike } from './references';
import { absoluteUrl, noteUrl } from './paths';

interface ExportableReference extends ReferenceLike {
  data: ReferenceLike['data'] & { author: string; summary: string; python?: string | undefined };
}

export function referencesExport<R extends ExportableReference>(index: ReferenceIndex<R> & { apis: ApiModule[] }, site: URL | undefined) {
  const noteUrls = (citedBy: ReadonlyArray<{ slug: string }>) => (site ? citedBy.map((note) => absoluteUrl(noteUrl(note.slug), site)) : []);
  return {
    references: index.groups.flatMap((group) =>
      group.references.map(({ reference, citedBy }) => {
        const { url, title, kind, author, year, python, summary, replacedBy } = reference.data;
        return {
          id: reference.id,
          url,
          title,
          kind,
          author,
          year,
          ...(python ? { python } : {}),
          summary,
          ...(replacedBy ? { replacedBy: replacedBy.id } : {}),
          citedBy: citedBy.map((note) => note.slug),
          citedByUrls: noteUrls(citedBy),
        };
      }),
    ),
    apis: index.apis.flatMap(({ module, apis }) =>
      apis.map(({ name, url, citedBy }) => ({ name, module, url, citedBy: citedBy.map((note) => note.slug), citedByUrls: noteUrls(citedBy) })),
    ),
  };
}
