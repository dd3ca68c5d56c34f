/**
 * The writer's loop: how long after saving one note the dev server serves its new HTML, and how
 * long `npm run build` takes again after that edit, with the cache of the build before it.
 */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secondsUntil, startDevServer } from '../lib/dev-server';
import { noteSlug } from './generate-notes';

/** The note the loop edits: the first generated one. */
export const EDITED_NOTE = noteSlug(0);

/** Appends a paragraph holding `marker` to the edited note, as a writer saving a new sentence. */
export async function editNote(contentRoot: string, marker: string): Promise<void> {
  await appendFile(join(contentRoot, 'notes', `${EDITED_NOTE}.md`), `\nA sentence saved by the writer: ${marker}.\n`);
}

/**
 * Starts `astro dev` on `contentRoot` in `workspace`, opens the edited note once, then saves
 * `edits` edits one after another and times each until the server answers with the new text.
 */
export async function devEditLoop(workspace: string, contentRoot: string, edits: number): Promise<number[]> {
  const page = `/notes/${EDITED_NOTE}/`;
  const server = await startDevServer(workspace, contentRoot, join(workspace, '..', 'dev-cache'), page);
  try {
    const seconds: number[] = [];
    for (let edit = 1; edit <= edits; edit += 1) {
      const marker = `edit-${Date.now()}-${edit}`;
      const saved = performance.now();
      await editNote(contentRoot, marker);
      seconds.push(await secondsUntil(`${server.origin}${page}`, (_status, body) => body.includes(marker), saved));
    }
    return seconds;
  } finally {
    server.stop();
  }
}
