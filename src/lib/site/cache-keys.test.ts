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
