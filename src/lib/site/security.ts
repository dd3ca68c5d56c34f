/** The security policy of every page, delivered in a <meta> tag and in the host's headers file. */
import { basePrefix } from './paths';

/**
 * Scripts and styles are files on this origin (the build never inlines them), and code colours
 * are classes, not `style` attributes, so nothing needs 'unsafe-inline'. 'wasm-unsafe-eval' lets
 * the search page compile Pagefind's WebAssembly; it allows no JavaScript eval. One policy for
 * every page, because hosts merge the headers of every rule that matches a path, so a looser
 * rule for one page could not override a stricter one. Styles, fonts and fetches fall back to
 * `default-src 'self'`, the offline reading worker to `script-src`; each page carries this policy
 * in a <meta>, so it names only what differs from those.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Directives a <meta> policy ignores: only an HTTP header can forbid framing. */
const HEADER_ONLY_DIRECTIVES = "frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_DIRECTIVES}`,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** A `_headers` file, the format Netlify, Cloudflare Pages and compatible hosts read. */
export function headersFile(base: string): string {
  const root = basePrefix(base);
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  const assets = `${root}_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n`;
  return `${root}*\n${lines.join('\n')}\n\n${assets}`;
}
