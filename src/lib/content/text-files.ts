/** Reads the bytes of a content file as the UTF-8 text it must be, without the byte order mark some editors write. */
import type { ContentProblem } from './errors';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The first byte that breaks UTF-8's byte patterns: where a decoder would put U+FFFD into the page. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const continuation =
      lead < 0x80 ? 0 : lead >> 5 === 0b110 ? 1 : lead >> 4 === 0b1110 ? 2 : lead >> 3 === 0b11110 ? 3 : -1;
    if (continuation < 0) return index;
    for (let next = 1; next <= continuation; next += 1) {
      if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    }
    index += continuation + 1;
  }
  // Well-formed patterns the decoder still refuses (an overlong form, a surrogate): point at the end.
  return Math.max(0, bytes.length - 1);
}

/** The text of `bytes`, or a problem naming the file, the line and the byte when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array, file: string): string | ContentProblem {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const at = firstInvalidByte(bytes);
    const line = bytes.subarray(0, at).filter((byte) => byte === 0x0a).length + 1;
    const byte = bytes[at]?.toString(16).padStart(2, '0') ?? '??';
    return { file, line, message: `is not UTF-8 text (byte 0x${byte}): save it as UTF-8` };
  }
}
