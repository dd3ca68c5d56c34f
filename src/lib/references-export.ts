/** The reference index as plain JSON for other tools: reference fields plus the citing notes. */
import type { ReferenceIndex, ReferenceLike } from './references';
import { absoluteUrl, noteUrl } from './paths';

interface ExportableReference extends ReferenceLike {
  data: ReferenceLike['data'] & { author: string; summary: string; python?: string | undefined };
}

export function referencesExport<R extends ExportableReference>(index: ReferenceIndex<R>, site: URL | undefined) {
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
          citedByUrls: site ? citedBy.map((note) => absoluteUrl(noteUrl(note.slug), site)) : [],
        };
      }),
    ),
  };
}
