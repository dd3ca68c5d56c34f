/** Reading paths: named, ordered lists of notes with a reason per step, and where a note sits in them. */

export interface PathLike {
  id: string;
  data: {
    title: string;
    intro: string;
    steps: ReadonlyArray<{ note: string; why: string }>;
    /** The path's place in content/paths.yaml: paths are listed in that order everywhere. */
    position: number;
  };
}

export interface NoteRef {
  id: string;
}

export interface PathStep<N> {
  note: N;
  why: string;
}

export interface ResolvedPath<P, N> {
  path: P;
  steps: Array<PathStep<N>>;
}

/** A step that names no published note, or names one a second time. */
export interface PathProblem {
  pathId: string;
  /** 0-based index of the step in the path's `steps`. */
  step: number;
  slug: string;
  reason: 'missing' | 'repeated';
}

/**
 * Each path with its notes looked up, in the order of content/paths.yaml (the collection comes sorted by id), and
 * every step that cannot be.
 */
export function resolvePaths<P extends PathLike, N extends NoteRef>(
  paths: readonly P[],
  notes: readonly N[],
): { paths: Array<ResolvedPath<P, N>>; problems: PathProblem[] } {
  const bySlug = new Map(notes.map((note) => [note.id, note]));
  const problems: PathProblem[] = [];
  const inFileOrder = [...paths].sort((a, b) => a.data.position - b.data.position);
  const resolved = inFileOrder.map((path) => {
    const seen = new Set<string>();
    const steps: Array<PathStep<N>> = [];
    path.data.steps.forEach(({ note: slug, why }, step) => {
      const note = bySlug.get(slug);
      if (note === undefined) problems.push({ pathId: path.id, step, slug, reason: 'missing' });
      else if (seen.has(slug)) problems.push({ pathId: path.id, step, slug, reason: 'repeated' });
      else steps.push({ note, why });
      seen.add(slug);
    });
    return { path, steps };
  });
  return { paths: resolved, problems };
}

export interface PlaceInPath<P, N> {
  path: P;
  /** 1-based, as readers count. */
  position: number;
  total: number;
  previous?: N;
  next?: N;
}

/** Every path a note is a step of, with its neighbours, in the order the paths are given. */
export function placesOfNote<P, N extends NoteRef>(
  paths: ReadonlyArray<ResolvedPath<P, N>>,
  slug: string,
): Array<PlaceInPath<P, N>> {
  return paths.flatMap(({ path, steps }) => {
    const index = steps.findIndex((step) => step.note.id === slug);
    if (index === -1) return [];
    const previous = steps[index - 1]?.note;
    const next = steps[index + 1]?.note;
    return [
      { path, position: index + 1, total: steps.length, ...(previous ? { previous } : {}), ...(next ? { next } : {}) },
    ];
  });
}
