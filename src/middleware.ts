/** Every page waits for the validation stage, so no page of a site with content problems is written. */
import { defineMiddleware } from 'astro:middleware';

export const onRequest = defineMiddleware(async (_context, next) => {
  // Imported on each request: `astro dev` keeps this module while it reloads the content, and
  // the validation stage must read the content as it is now.
  const { assertContentValid } = await import('./lib/validation');
  await assertContentValid();
  return next();
});
