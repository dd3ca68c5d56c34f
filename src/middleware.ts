/** Every page waits for the validation stage, so no page of a site with content problems is written. */
import { defineMiddleware } from 'astro:middleware';
import { assertContentValid } from './lib/validation';

export const onRequest = defineMiddleware(async (_context, next) => {
  await assertContentValid();
  return next();
});
