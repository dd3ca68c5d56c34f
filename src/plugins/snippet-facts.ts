/**
 * Records every Python snippet of a note in the page data: its line, its meta words (or what is
 * wrong with them) and the documented APIs its code uses with their version facts, so the
 * validation stage can hold each snippet to the Python it declares.
 */
import type { MdastPluginDefinition } from 'satteri';
import type { ApiLookup } from '../lib/python-docs/inventory';
import { scanSnippetApis } from '../lib/snippets/api-scan';
import { isPythonFence, OUTPUT_FENCE } from '../lib/snippets/languages';
import { parseSnippetMeta } from '../lib/snippets/meta';
import { snippetKey } from '../lib/snippets/records';
import { pageData } from '../lib/content/page-data';

export function snippetFacts(lookup: ApiLookup): () => MdastPluginDefinition {
  return () => ({
    name: 'snippet-facts',
    options: { position: true },
    code(code, context) {
      if (!isPythonFence(code.lang)) return;
      const line = code.position?.start.line ?? 0;
      const page = pageData(context.data);
      let meta: ReturnType<typeof parseSnippetMeta>;
      try {
        meta = parseSnippetMeta(code.meta ?? undefined);
      } catch (error) {
        page.problems.push({ line, message: (error as Error).message });
        return;
      }
      const index = context.indexOf(code);
      const next = index === undefined ? undefined : context.parent(code)?.children[index + 1];
      const output = next?.type === 'code' && next.lang === OUTPUT_FENCE ? next.value : undefined;
      page.snippets.push({
        line,
        key: snippetKey(code.value, output),
        run: meta.run,
        ...(meta.minPython === undefined ? {} : { python: meta.minPython }),
        ...(meta.maxPython === undefined ? {} : { until: meta.maxPython }),
        ...(meta.freeThreaded ? { freeThreaded: true as const } : {}),
        ...(meta.deprecated === undefined ? {} : { deprecated: meta.deprecated }),
        ...(output === undefined ? {} : { output }),
        apis: scanSnippetApis(code.value, lookup).map(({ target, line: apiLine, guarded }) => ({
          name: target.name,
          kind: target.kind,
          // The code starts on the line after the fence.
          line: line + apiLine,
          ...(guarded ? { guarded } : {}),
          ...(target.added === undefined ? {} : { added: target.added }),
          ...(target.deprecated === undefined ? {} : { deprecated: target.deprecated }),
          ...(target.removal === undefined ? {} : { removal: target.removal }),
        })),
      });
    },
  });
}
