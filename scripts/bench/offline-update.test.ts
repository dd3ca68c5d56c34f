import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precacheManifest } from '../../src/lib/offline/precache';
import { serviceWorkerSource } from '../../src/lib/offline/service-worker';
import { offlineManifest, offlineUpdate } from './offline-update';

const encode = (text: string) => new TextEncoder().encode(text);

async function builtSite(files: Record<string, string>, base: string): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'offline-update-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dist, path, '..'), { recursive: true });
    await writeFile(join(dist, path), text);
  }
  const manifest = precacheManifest(
    Object.entries(files).map(([path, text]) => ({ path, bytes: encode(text) })),
    base,
  );
  await writeFile(join(dist, 'sw.js'), serviceWorkerSource({ version: 'v', manifest, offlineUrl: '', scope: base }));
  return dist;
}

describe('offlineUpdate', () => {
  it('counts the bytes of the files a deploy changed, out of the whole cache, under a sub-path', async () => {
    const files = { 'index.html': 'home', 'notes/a/index.html': 'aaaa', 'notes/b/index.html': 'bb' };
    const before = await offlineManifest(await builtSite(files, '/sub/'), '/sub/');
    const after = await offlineManifest(
      await builtSite({ ...files, 'notes/a/index.html': 'aaaa, edited' }, '/sub/'),
      '/sub/',
    );
    expect(offlineUpdate(before, after)).toEqual({
      urls: ['/sub/notes/a/'],
      bytes: 12,
      totalFiles: 3,
      totalBytes: 18,
    });
  });
});
