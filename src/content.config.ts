/** The content model: notes, tags, references and reading paths, validated by zod at build time. */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { contentRoot } from './lib/content/root';
import { yamlLoader } from './lib/content/yaml-loader';
import { renderInputsDigest } from './lib/site/cache-keys';
import { linkStatusLoader } from './lib/link-health/loader';
import { notesLoader } from './lib/notes/loader';
import { reportTogether } from './lib/content/sync-failures';
import { INVENTORY_FILE, loadInventory } from './lib/python-docs/inventory';
import { REFERENCE_KINDS } from './lib/references/kinds';
import { PYTHON_VERSION } from './lib/python-docs/versions';
import { isWebUrl } from './lib/references/urls';

const root = contentRoot();
// A sync that fails reports the problems of every collection at once (src/lib/content/sync-failures.ts).
const together = reportTogether();

const isoDate = z.coerce.date({ error: 'must be a date written as YYYY-MM-DD' });
const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and hyphens');
const PYTHON_VERSION_MESSAGE = 'must be a Python version such as "3.11" (quoted)';
const pythonVersion = z.string({ error: PYTHON_VERSION_MESSAGE }).regex(PYTHON_VERSION, PYTHON_VERSION_MESSAGE);

// Everything a rendering depends on besides the entry: the list is in src/lib/site/cache-keys.ts.
const renderInputs = renderInputsDigest();
const docsPython = loadInventory(INVENTORY_FILE).python;

const checked = z
  .object(
    { python: pythonVersion, on: isoDate },
    {
      error:
        'is required: the Python release it was last checked against and the day, e.g. { python: "3.15", ' +
        'on: 2026-11-30 }',
    },
  )
  .strict();

const notes = defineCollection({
  loader: together(notesLoader({ directory: `${root}/notes`, renderInputs, docsPython })),
  schema: z
    .object({
      title: z
        .string({ error: 'is required: the note title, as plain text' })
        .trim()
        .min(1, 'must not be empty')
        .max(90, 'must be at most 90 characters'),
      summary: z
        .string({ error: 'is required: one sentence shown in lists and as the meta description' })
        .trim()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters: one sentence'),
      tags: z.array(reference('tags')).min(1, 'needs at least one tag from content/tags.yaml'),
      published: isoDate,
      updated: isoDate.optional(),
      python: pythonVersion.optional(),
      checked,
      draft: z.boolean().default(false),
    })
    .strict(),
});

/**
 * A message as Python prints it, one line, `…` for each part that changes from run to run; empty
 * for an exception that carries no text, whose class is then the whole last line of a traceback.
 */
const errorMessage = z
  .string({ error: 'is required: the message as Python prints it, with … for each variable part' })
  .trim()
  .max(300, 'must be at most 300 characters: the first line of the message')
  .refine((text) => !/[\r\n]/.test(text), 'must be one line: the first line of the message');
/** The class as the last line of a traceback names it: `RuntimeError`, `asyncio.exceptions.CancelledError`. */
const errorClass = z
  .string()
  .regex(/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/, 'must be a class name as a traceback prints it, e.g. RuntimeError');

/**
 * Error messages, one entry each: the text as Python prints it, who raises it, and how older
 * versions said it. Which snippet reproduces which message is checked in src/lib/validation/.
 */
const errors = defineCollection({
  loader: together(
    notesLoader({
      directory: `${root}/errors`,
      renderInputs,
      docsPython,
      renderings: 'rendered-errors',
      allowEmpty: true,
    }),
  ),
  schema: z
    .object({
      message: errorMessage,
      class: errorClass.optional(),
      module: z
        .string({ error: 'is required: the module that raises, warns or logs it, e.g. asyncio' })
        .regex(/^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$/, 'must be a module name such as concurrent.futures'),
      summary: z
        .string({ error: 'is required: one sentence on what the message means' })
        .trim()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters: one sentence'),
      notes: z
        .array(z.string().trim().min(1), { error: 'is required: the notes to read next, by file name' })
        .min(1, 'needs at least one note to read next')
        .max(4, 'lists at most four notes'),
      published: isoDate,
      updated: isoDate.optional(),
      python: pythonVersion.optional(),
      'free-threaded': z.literal(true, { error: 'is true or left out' }).optional(),
      earlier: z
        .array(
          z
            .object({
              message: errorMessage,
              class: errorClass.optional(),
              python: pythonVersion.optional(),
              until: pythonVersion,
            })
            .strict(),
        )
        .min(1, 'lists at least one earlier message, or is left out')
        .optional(),
      checked,
      draft: z.boolean().default(false),
    })
    .strict(),
});

const tags = defineCollection({
  loader: together(yamlLoader(`${root}/tags.yaml`)),
  schema: z
    .object({
      label: z.string({ error: 'is required: the name readers see, e.g. asyncio' }).trim().min(1, 'must not be empty'),
      description: z
        .string({ error: 'is required: one sentence on what the tag covers' })
        .trim()
        .min(1, 'must not be empty'),
    })
    .strict(),
});

const references = defineCollection({
  loader: together(yamlLoader(`${root}/references.yaml`)),
  schema: z
    .object({
      id: kebabId,
      url: z
        .string({ error: 'is required: the address readers follow' })
        .trim()
        .refine(isWebUrl, 'must be an absolute http(s) URL, e.g. https://docs.python.org/3/library/asyncio.html'),
      title: z.string({ error: 'is required: the title as the source gives it' }).trim().min(1, 'must not be empty'),
      kind: z.enum(REFERENCE_KINDS, { error: `must be one of ${REFERENCE_KINDS.join(', ')}` }),
      author: z
        .string({ error: 'is required: a person, a team or an organisation' })
        .trim()
        .min(1, 'must not be empty'),
      year: z
        .number({ error: 'is required: the year it was published or last revised, e.g. 2025' })
        .int()
        .min(1970, 'must be a year such as 2025')
        .max(2100, 'must be a year such as 2025'),
      python: pythonVersion.optional(),
      summary: z
        .string({ error: 'is required: our one-line annotation' })
        .trim()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters: one line'),
      replacedBy: reference('references').optional(),
    })
    .strict(),
});

/**
 * Reading paths: ordered notes with a reason per step. Whether each step names a published note is checked in
 * src/lib/validation/.
 */
const paths = defineCollection({
  loader: together(yamlLoader(`${root}/paths.yaml`, { positionField: 'position' })),
  schema: z
    .object({
      id: kebabId,
      /** Set by the loader: the path's place in paths.yaml, the order every list of paths follows. */
      position: z.number().int().nonnegative(),
      title: z
        .string({ error: 'is required: the name readers see, e.g. "Start here"' })
        .trim()
        .min(1, 'must not be empty')
        .max(60, 'must be at most 60 characters'),
      intro: z
        .string({ error: 'is required: one or two sentences on who the path is for' })
        .trim()
        .min(1, 'must not be empty')
        .max(300, 'must be at most 300 characters'),
      steps: z
        .array(
          z
            .object({
              note: z
                .string({ error: 'is required: the file name of a note, without .md' })
                .trim()
                .min(1, 'must not be empty'),
              why: z
                .string({ error: 'is required: one line on why this step comes here' })
                .trim()
                .min(1, 'must not be empty')
                .max(160, 'must be at most 160 characters'),
            })
            .strict(),
          { error: 'is required: a list of { note, why }' },
        )
        .min(2, 'needs at least two steps'),
    })
    .strict(),
});

/** The last `npm run links` result: one entry, checked by its loader (src/lib/link-health/). */
const linkStatus = defineCollection({ loader: together(linkStatusLoader(`${root}/link-status.json`)) });

export const collections = { notes, errors, tags, references, paths, linkStatus };
