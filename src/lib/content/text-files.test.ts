import { describe, expect, it } from 'vitest';
import { utf8Text } from './text-files';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('utf8Text', () => {
  it('reads UTF-8, dropping a byte order mark and keeping CRLF line ends', () => {
    expect(utf8Text(bytes('\uFEFF---\r\ntitle: café\r\n'), 'a.md')).toBe('---\r\ntitle: café\r\n');
  });

  it('names the line and the byte of text that is not UTF-8, rather than reading it as U+FFFD', () => {
    const latin1 = new Uint8Array([...bytes('---\ntitle: X\n---\nIntro caf'), 0xe9, ...bytes(' with\n')]);
    expect(utf8Text(latin1, 'content/notes/a.md')).toEqual({
      file: 'content/notes/a.md',
      line: 4,
      message: 'is not UTF-8 text (byte 0xe9): save it as UTF-8',
    });
  });

  it('finds a bad byte after long valid text', () => {
    const long = new Uint8Array([...bytes(`${'é'.repeat(5000)}\n`.repeat(3)), 0xff]);
    expect(utf8Text(long, 'x')).toMatchObject({ line: 4, message: expect.stringContaining('0xff') });
  });
});
