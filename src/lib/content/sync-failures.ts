/**
 * Astro loads the collections side by side and stops the content sync at the first loader that
 * throws, so an author who broke two files would hear of the second only after fixing the first.
 * `reportTogether()` wraps the loader of each collection: a loader that fails waits until every
 * loader of the same sync that has started has finished, then each failing loader throws one
 * ContentError listing the problems of all of them, in the order the collections are defined. A
 * single failure is thrown as it is, and so is a failure that names no file (a crash, not a
 * problem of the content), so nothing an author needs is lost in the merge.
 */
import { isAbsolute, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { ContentError, type ContentProblem } from './errors';

/** A failure of one loader, and where that loader's collection comes in the configuration. */
interface Failure {
  order: number;
  error: unknown;
}

/** The loaders of one content sync: those still running and those that failed. */
interface Round {
  running: number;
  failures: Failure[];
  finished: Promise<void>;
  finish: () => void;
  combined?: unknown;
}

const isContentError = (error: unknown): error is ContentError =>
  error instanceof Error && error.name === 'ContentError' && Array.isArray((error as ContentError).problems);

/** Astro's own content errors (a schema the data does not match) carry the file and line they are about. */
const locationOf = (error: unknown): { file: string; line?: number } | undefined => {
  const loc = (error as { loc?: { file?: unknown; line?: unknown } } | null)?.loc;
  if (typeof loc?.file !== 'string' || loc.file === '') return undefined;
  return typeof loc.line === 'number' && loc.line > 0 ? { file: loc.file, line: loc.line } : { file: loc.file };
};

/**
 * An Astro content error as one problem: its file relative to the project, as the loaders name theirs, and its
 * message on one line, without the Markdown emphasis Astro marks fields with (or the empty field of a key no schema
 * knows: `**: Unrecognized key`).
 */
function problemOf(error: Error, { file, line }: { file: string; line?: number }): ContentProblem {
  const message = error.message
    .replace(/\*\*\*\*: /g, '')
    .replaceAll('**', '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return {
    file: isAbsolute(file) ? relative(process.cwd(), file) : file,
    ...(line === undefined ? {} : { line }),
    message,
  };
}

/** What the failing loaders of a round throw: one error for all of them, when they can be told as one. */
function combineFailures(failures: readonly Failure[]): unknown {
  const ordered = [...failures].sort((a, b) => a.order - b.order).map(({ error }) => error);
  if (ordered.length === 1) return ordered[0];
  const crash = ordered.find((error) => !isContentError(error) && !(error instanceof Error && locationOf(error)));
  if (crash !== undefined) return crash;
  return new ContentError(
    ordered.flatMap((error) =>
      isContentError(error) ? error.problems : [problemOf(error as Error, locationOf(error) ?? { file: '?' })],
    ),
  );
}

/** A wrapper for the loader of each collection of one configuration; see the top of this file. */
export function reportTogether(): (loader: Loader) => Loader {
  let round: Round | undefined;
  let defined = 0;
  const newRound = (): Round => {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    return { running: 0, failures: [], finished, finish };
  };
  return (loader) => {
    const order = defined++;
    return {
      ...loader,
      load: async (context) => {
        round ??= newRound();
        const current = round;
        current.running += 1;
        let failed = false;
        try {
          await loader.load(context);
        } catch (error) {
          failed = true;
          current.failures.push({ order, error });
        }
        current.running -= 1;
        if (current.running === 0) {
          if (round === current) round = undefined;
          current.finish();
        }
        if (!failed) return;
        await current.finished;
        current.combined ??= combineFailures(current.failures);
        throw current.combined;
      },
    };
  };
}
