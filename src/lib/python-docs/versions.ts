/** Python release numbers: the site's own (`3.11`), the docs' (`3.4.2`, `2.7`) and their numeric order. */

/** A feature release as notes and snippets name it: `3.11`. */
export const PYTHON_VERSION = /^3\.\d{1,2}$/;

/** A version as the docs' "Added in version" notes write it, bug-fix releases included: `3.4.2`. */
export const DOCS_VERSION = /^\d\.\d{1,2}(?:\.\d{1,2})?$/;

/** Compares dotted versions numerically, part by part: `3.9` < `3.10` < `3.10.1`. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The feature release of a version: `3.11` of `3.11.7`, of `3.11.0rc1` and of `3.11`. */
export const featureRelease = (version: string): string => version.split('.').slice(0, 2).join('.');
