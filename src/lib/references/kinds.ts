/** The kinds of reference, in the order the index shows them: official material first. */

export const REFERENCE_KINDS = [
  'official-doc',
  'pep',
  'library-doc',
  'article',
  'talk',
  'slides',
  'book',
  'qa',
  'tool',
] as const;

export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

const LABELS: Record<ReferenceKind, { one: string; many: string }> = {
  'official-doc': { one: 'Official documentation', many: 'Official documentation' },
  pep: { one: 'PEP', many: 'PEPs' },
  'library-doc': { one: 'Library documentation', many: 'Library documentation' },
  article: { one: 'Article', many: 'Articles' },
  talk: { one: 'Talk', many: 'Talks' },
  slides: { one: 'Slides', many: 'Slides' },
  book: { one: 'Book', many: 'Books' },
  qa: { one: 'Q&A', many: 'Questions and answers' },
  tool: { one: 'Tool', many: 'Tools' },
};

/** `Official documentation`, `PEP`…: the kind of one reference, as a reader reads it. */
export const kindLabel = (kind: ReferenceKind): string => LABELS[kind].one;

/** Heading of a group of references of one kind. */
export const kindGroupLabel = (kind: ReferenceKind): string => LABELS[kind].many;
