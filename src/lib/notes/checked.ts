/** Against which Python release each note was last checked, and which notes are due for review. */
import { compareVersions } from '../python-docs/versions';

export interface CheckedNote {
  id: string;
  data: { checked: { python: string; on: Date } };
}

export interface CheckedStatus {
  /** The release the note was checked against, e.g. `3.15`. */
  python: string;
  on: Date;
  /** Checked against an older release than the docs the site links to. */
  due: boolean;
}

/** A note's check, measured against the release the site's docs inventory describes. */
export function checkedStatus(note: CheckedNote, docsPython: string): CheckedStatus {
  const { python, on } = note.data.checked;
  return { python, on, due: compareVersions(python, docsPython) < 0 };
}

/** Notes checked against an older release than `docsPython`, oldest release first, then by id. */
export function notesDueForReview<N extends CheckedNote>(notes: readonly N[], docsPython: string): N[] {
  return notes
    .filter((note) => checkedStatus(note, docsPython).due)
    .sort(
      (a, b) =>
        compareVersions(a.data.checked.python, b.data.checked.python) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** The build log's list of notes due for review, or undefined when every note is current. */
export function dueForReviewReport(notes: readonly CheckedNote[], docsPython: string): string | undefined {
  const due = notesDueForReview(notes, docsPython);
  if (due.length === 0) return undefined;
  const lines = due.map((note) => `  - ${note.id}: checked against Python ${note.data.checked.python}`);
  const count = due.length === 1 ? '1 note is' : `${due.length} notes are`;
  return (
    `${count} due for review against the Python ${docsPython} docs (set checked: { python: "${docsPython}", on: ` +
    `<day> } once done):\n${lines.join('\n')}`
  );
}
