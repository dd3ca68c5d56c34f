/**
 * The reference index as plain JSON for other tools: reference fields, the citing notes and what each note was checked
 * against.
 */
import type { ApiModule } from '../references/api-index';
import { isoDate } from './dates';
import type { ReferenceIndex, ReferenceLike } from '../references/index-of-references';
import { absoluteUrl, noteUrl } from './paths';

interface ExportableReference extends ReferenceLike {
  data: ReferenceLike['data'] & { author: string; summary: string; python?: string | undefined };
}

interface ExportableNote {
  id: string;
  data: { title: string; checked: { python: string; on: Date } };
}

export function referencesExport<R extends ExportableReference>(
  index: ReferenceIndex<R> & { apis: ApiModule[] },
  notes: readonly ExportableNote[],
  site: URL | undefined,
) {
  const noteUrls = (citedBy: ReadonlyArray<{ slug: string }>) =>
    site ? citedBy.map((note) => absoluteUrl(noteUrl(note.slug), site)) : [];
  return {
    notes: notes.map((note) => ({
      slug: note.id,
      title: note.data.title,
      ...(site ? { url: absoluteUrl(noteUrl(note.id), site) } : {}),
      checked: { python: note.data.checked.python, on: isoDate(note.data.checked.on) },
    })),
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
      apis.map(({ name, url, citedBy, added, deprecated, removal }) => ({
        name,
        module,
        url,
        ...(added === undefined ? {} : { added }),
        ...(deprecated === undefined ? {} : { deprecated }),
        ...(removal === undefined ? {} : { removal }),
        citedBy: citedBy.map((note) => note.slug),
        citedByUrls: noteUrls(citedBy),
      })),
    ),
  };
}
