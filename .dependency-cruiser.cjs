/**
 * Which way imports may point (`npm run lint` checks them): pages, components, layouts, plugins and
 * integrations use src/lib; src/lib is the floor and imports none of them; inside src/lib each
 * domain folder imports only the folders below it in LAYERS, so no two domains import each other.
 */
const LAYERS = [
  'content',
  'python-docs',
  'references',
  'link-health',
  'snippets',
  'errors',
  'notes',
  'site',
  'offline',
  'validation',
];

module.exports = {
  forbidden: [
    {
      name: 'lib-is-the-floor',
      comment:
        'src/lib never imports the plugins, pages, components, layouts, integrations, scripts or tests; its tests ' +
        'may render notes with the real plugins',
      severity: 'error',
      from: { path: '^src/lib/', pathNot: '(\\.test\\.ts$|/__tests__/)' },
      to: { path: '^(src/(plugins|pages|components|layouts|integrations)|scripts|tests)/' },
    },
    {
      name: 'lib-folders-are-domains',
      comment: `a file of src/lib lives in one of its domain folders: ${LAYERS.join(', ')}`,
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: `^src/lib/(?!(${LAYERS.join('|')})/)` },
    },
    ...LAYERS.map((folder, index) => ({
      name: `lib-${folder}-points-down`,
      comment: `src/lib/${folder}/ imports only the domains below it: ${LAYERS.slice(0, index).join(', ') || 'none'}`,
      severity: 'error',
      from: { path: `^src/lib/${folder}/` },
      to: { path: `^src/lib/(${LAYERS.slice(index + 1).join('|') || '(?!)'})/` },
    })),
    {
      name: 'validation-stage-without-astro',
      comment:
        'the validation stage is a function over loaded data (src/lib/validation/stage.ts and its rules); only ' +
        'index.ts, its wrapper, reads Astro collections',
      severity: 'error',
      from: { path: '^src/lib/validation/', pathNot: '^src/lib/validation/index\\.ts$' },
      to: { path: '^(astro:|src/lib/site/collections\\.ts$|src/lib/validation/index\\.ts$)' },
    },
    {
      name: 'no-circular',
      comment: 'a cycle of imports has no floor',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.astro'] },
  },
};
