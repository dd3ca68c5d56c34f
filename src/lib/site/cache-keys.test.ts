import { appendFile, cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKeyOf, RENDERER_PACKAGES, type RenderInput, renderInputs, renderInputsDigest } from './cache-keys';

const page = {
  note: { id: 'gil', data: { title: 'The GIL', published: new Date('2026-01-02') }, digest: 'a1' },
  related: [{ id: 'threads', data: { title: 'Threads' } }],
};

describe('cacheKeyOf', () => {
  it('is the same for the same props, built again', () => {
    expect(cacheKeyOf(structuredClone(page))).toBe(cacheKeyOf(page));
  });

  it.each([
    ['a title', { ...page, note: { ...page.note, data: { ...page.note.data, title: 'The GIL, again' } } }],
    ['a date', { ...page, note: { ...page.note, data: { ...page.note.data, published: new Date('2026-01-03') } } }],
    ['the body (its digest)', { ...page, note: { ...page.note, digest: 'a2' } }],
    ['a related note’s title', { ...page, related: [{ id: 'threads', data: { title: 'Threads done right' } }] }],
    ['one related note less', { ...page, related: [] }],
  ])('changes with %s', (_what, changed) => {
    expect(cacheKeyOf(changed)).not.toBe(cacheKeyOf(page));
  });
});

describe('the render inputs', () => {
  /** A scratch project with the files of every input, the renderers' package.json files included. */
  async function scratchProject(): Promise<string> {
    const project = await mkdtemp(join(tmpdir(), 'render-inputs-'));
    for (const input of renderInputs('content')) {
      const paths =
        'files' in input
          ? input.files
          : 'folders' in input
            ? input.folders
            : 'packages' in input
              ? input.packages.map((name) => join('node_modules', name, 'package.json'))
              : [];
      for (const path of paths) await cp(path, join(project, path), { recursive: true }).catch(() => undefined);
    }
    return project;
  }

  /** Changes one input in `project` the way an author or an install would. */
  async function change(input: RenderInput, project: string): Promise<() => void> {
    if ('files' in input) await appendFile(join(project, input.files[0] ?? ''), ' ');
    else if ('folders' in input) await appendFile(join(project, input.folders[0] ?? '', 'index.ts'), '\n// edited\n');
    else if ('packages' in input) {
      const manifest = join(project, 'node_modules', input.packages[0] ?? '', 'package.json');
      const json = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
      await writeFile(manifest, JSON.stringify({ ...json, version: `${json.version}-next` }));
    } else {
      const name = input.env[0] ?? '';
      const before = process.env[name];
      process.env[name] = `${before ?? ''}changed`;
      return () => {
        if (before === undefined) delete process.env[name];
        else process.env[name] = before;
      };
    }
    return () => undefined;
  }

  const inputs = renderInputs('content');

  it('lists the configuration, the data files, the code and the installed renderers', () => {
    expect(inputs.map((input) => input.name)).toHaveLength(6);
  });

  it.each(inputs.map((input) => [input.name, input] as const))(
    'change the digest when %s changes',
    async (_name, input) => {
      const project = await scratchProject();
      const before = renderInputsDigest(inputs, project);
      expect(renderInputsDigest(inputs, project)).toBe(before);
      const restore = await change(input, project);
      try {
        expect(renderInputsDigest(inputs, project)).not.toBe(before);
      } finally {
        restore();
      }
    },
  );

  it('name every variable the configuration and the site read, but where the files go', async () => {
    // Where the content is read from and the site and cache are written: each content file is an input of its own.
    const whereFilesGo = ['CONTENT_ROOT', 'OUT_DIR', 'CACHE_DIR'];
    const files = (await readdir('src', { recursive: true }))
      .filter((file) => /\.(ts|astro)$/.test(file) && !file.endsWith('.test.ts') && !file.includes('__tests__'))
      .map((file) => join('src', file))
      .concat('astro.config.mjs');
    const read = new Set<string>();
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const [, dotted, indexed] of text.matchAll(/process\.env\.([A-Z_]+)|env\[['"]([A-Z_]+)['"]\]/g))
        read.add(dotted ?? indexed ?? '');
    }
    expect([...read].sort()).toEqual(expect.arrayContaining(['OFFLINE_READING', 'SITE_URL']));
    const listed = inputs.flatMap((input) => ('env' in input ? input.env : []));
    expect([...read].filter((name) => !listed.includes(name) && !whereFilesGo.includes(name))).toEqual([]);
  });

  it('name every package the plugins import among the renderers', async () => {
    const files = (await readdir('src/plugins', { recursive: true })).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('__tests__'),
    );
    const imported = new Set<string>();
    for (const file of files) {
      const text = await readFile(join('src/plugins', file), 'utf8');
      for (const [, specifier = ''] of text.matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        imported.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? ''),
        );
      }
    }
    expect(imported.size).toBeGreaterThan(3);
    expect([...imported].filter((name) => !(RENDERER_PACKAGES as readonly string[]).includes(name))).toEqual([]);
  });
});
