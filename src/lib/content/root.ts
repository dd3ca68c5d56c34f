/** Where the content lives: `content/`, or the folder tests and the benchmark point CONTENT_ROOT at. */
export const contentRoot = (): string => process.env['CONTENT_ROOT'] ?? './content';
