/**
 * Which documented standard-library APIs a Python snippet uses, and on which of its lines: the
 * modules it imports, what it imports from them, dotted names reached through those imports
 * (`import asyncio as aio` then `aio.TaskGroup`), receivers the docs name (`loop.`, `tg.`), and
 * built-in names. Strings and comments are left out. It reads names, not types: a method called
 * on a variable of another name is not seen. A name the code tests for with `hasattr()` first is
 * marked as guarded.
 */
import type { ApiLookup, ApiTarget } from '../python-docs/inventory';

export interface UsedApi {
  target: ApiTarget;
  /** 1-based line in the snippet. */
  line: number;
  /** Only used behind `hasattr(module, "name")`, so older Pythons that lack it still run the snippet. */
  guarded?: true;
}

/** A string literal (with its prefix) or a comment: a `#` inside a string starts no comment. */
const LITERAL_OR_COMMENT =
  /(?:[rRbBuUfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|#[^\n]*/g;

/** The code with comments blanked, and string literals too unless they are kept (newlines stay where they were). */
function blanked(code: string, keepStrings: boolean): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return code.replace(LITERAL_OR_COMMENT, (match, literal?: string) =>
    literal !== undefined && keepStrings ? match : blank(match),
  );
}

/** The code with comments and string literals blanked (newlines kept, so lines stay where they were). */
export const withoutStringsAndComments = (code: string): string => blanked(code, false);

/** The code with comments blanked: what runs, string arguments such as `hasattr()`'s included. */
export const withoutComments = (code: string): string => blanked(code, true);

const lineAt = (code: string, index: number) => code.slice(0, index).split('\n').length;

/** Local name → dotted name, from `import a.b`, `import a.b as c` and `from a import b as c`. */
function importBindings(code: string): {
  bindings: Map<string, string>;
  imports: Array<{ name: string; line: number }>;
} {
  const bindings = new Map<string, string>();
  const imports: Array<{ name: string; line: number }> = [];
  for (const match of code.matchAll(/^[ \t]*import[ \t]+([^\n]+)/gm)) {
    for (const part of (match[1] ?? '').split(',')) {
      const [, module = '', alias] = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part) ?? [];
      if (!module) continue;
      bindings.set(
        alias ?? module.split('.')[0] ?? module,
        alias === undefined ? (module.split('.')[0] ?? module) : module,
      );
      imports.push({ name: module, line: lineAt(code, match.index) });
    }
  }
  for (const match of code.matchAll(/^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)/gm)) {
    const module = match[1] ?? '';
    for (const part of (match[2] ?? '').replace(/[()]/g, '').split(',')) {
      const [, name, alias] = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part) ?? [];
      if (!name) continue;
      bindings.set(alias ?? name, `${module}.${name}`);
      imports.push({ name: `${module}.${name}`, line: lineAt(code, match.index) });
    }
  }
  return { bindings, imports };
}

/** The longest documented prefix of a dotted name: `asyncio.TaskGroup.create_task.__name__` finds the method. */
function documentedPrefix(name: string, lookup: ApiLookup): ApiTarget | undefined {
  const parts = name.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const target = lookup(parts.slice(0, length).join('.'));
    if (target) return target;
  }
  return undefined;
}

/** Every documented API the snippet uses, once each at its first use, in the order of the code. */
export function scanSnippetApis(code: string, lookup: ApiLookup): UsedApi[] {
  const clean = withoutStringsAndComments(code);
  const { bindings, imports } = importBindings(clean);
  const resolve = (written: string) => {
    const [head = '', ...rest] = written.split('.');
    return [bindings.get(head) ?? head, ...rest].join('.');
  };
  const guarded = new Set(
    [...withoutComments(code).matchAll(/hasattr\(\s*([\w.]+)\s*,\s*['"](\w+)['"]\s*\)/g)].map(
      ([, owner = '', attribute = '']) => resolve(`${owner}.${attribute}`),
    ),
  );
  const used = new Map<string, UsedApi>();
  const use = (target: ApiTarget | undefined, line: number) => {
    if (target && !used.has(target.name))
      used.set(target.name, { target, line, ...(guarded.has(target.name) ? { guarded: true } : {}) });
  };
  for (const { name, line } of imports) use(documentedPrefix(name, lookup), line);
  const importLines = new Set(imports.map(({ line }) => line));
  for (const match of clean.matchAll(/(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/g)) {
    const line = lineAt(clean, match.index);
    if (importLines.has(line)) continue;
    const written = match[1] ?? '';
    const [head = '', ...rest] = written.split('.');
    const bound = bindings.get(head);
    if (bound !== undefined) use(documentedPrefix([bound, ...rest].join('.'), lookup), line);
    else if (rest.length > 0) use(lookup(written) ?? lookup(`${head}.${rest[0]}`), line);
    else {
      const builtin = lookup(head);
      if (builtin?.module === 'builtins' && (builtin.kind === 'exception' || builtin.kind === 'function'))
        use(builtin, line);
    }
  }
  return [...used.values()].sort((a, b) => a.line - b.line);
}
