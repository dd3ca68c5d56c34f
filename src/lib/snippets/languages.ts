/** The fence languages with a meaning of their own: Python snippets, which are checked and marked, and their output. */

/** The languages of a Python snippet's fence: ```python or ```py. */
export const PYTHON_FENCES: readonly string[] = ['python', 'py'];

/** Whether a fence's language makes its block a Python snippet. */
export const isPythonFence = (lang: string | null | undefined): boolean => PYTHON_FENCES.includes(lang ?? '');

/** The language of the block right after a snippet that holds what it prints. */
export const OUTPUT_FENCE = 'output';
