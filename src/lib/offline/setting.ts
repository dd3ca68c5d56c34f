/**
 * Whether the site offers offline reading: on unless the build runs with OFFLINE_READING=off. The
 * configuration (whether sw.js is written) and the layout (whether pages register it) both ask here.
 */
export const offlineReadingEnabled = (env: Record<string, string | undefined> = process.env): boolean =>
  env['OFFLINE_READING'] !== 'off';
