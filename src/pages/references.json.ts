import type { APIRoute } from 'astro';
import { getNotes, getReferenceIndex } from '../lib/site/collections';
import { referencesExport } from '../lib/site/references-export';

export const GET: APIRoute = async ({ site }) => {
  const index = await getReferenceIndex();
  return new Response(JSON.stringify(referencesExport(index, await getNotes(), site), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
