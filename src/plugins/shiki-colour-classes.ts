/**
 * Shiki colours code with `style` attributes (`--shiki-light:#cf222e;--shiki-dark:#ff7b72`),
 * which a Content-Security-Policy without 'unsafe-inline' blocks. This transformer turns every
 * such declaration into a class (`sl-cf222e sd-ff7b72`), and `colourClassesCss()` writes the
 * rule of each class for every colour the site's two themes can give a token.
 */
import type { Element } from 'hast';
import { type BundledTheme, bundledThemes, type ShikiTransformer } from 'shiki';

/** The CSS variable each class prefix sets. */
const VARIABLES = { sl: '--shiki-light', sd: '--shiki-dark', slb: '--shiki-light-bg', sdb: '--shiki-dark-bg' } as const;
type Prefix = keyof typeof VARIABLES;
const PREFIX_OF = Object.fromEntries(
  Object.entries(VARIABLES).map(([prefix, variable]) => [variable, prefix]),
) as Record<string, Prefix>;
const HEX = /^#[0-9a-f]{3,8}$/i;

/** The class for one declaration of Shiki's, or undefined for a declaration it does not know. */
export function colourClass(property: string, value: string): string | undefined {
  const prefix = PREFIX_OF[property];
  return prefix !== undefined && HEX.test(value) ? `${prefix}-${value.slice(1).toLowerCase()}` : undefined;
}

function moveStylesToClasses(element: Element): void {
  const declarations = String(element.properties['style'] ?? '')
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean);
  if (declarations.length === 0) return;
  const classes: string[] = [];
  const kept: string[] = [];
  for (const declaration of declarations) {
    const [property = '', ...value] = declaration.split(':');
    const name = colourClass(property.trim(), value.join(':').trim());
    if (name === undefined) kept.push(declaration);
    else classes.push(name);
  }
  const own = element.properties['class'] ?? element.properties['className'];
  const existing = Array.isArray(own)
    ? own.map(String)
    : own === undefined
      ? []
      : String(own).split(/\s+/).filter(Boolean);
  element.properties['class'] = [...existing, ...classes].join(' ');
  delete element.properties['className'];
  if (kept.length > 0) element.properties['style'] = kept.join(';');
  else delete element.properties['style'];
}

export const colourClasses: ShikiTransformer = {
  name: 'colour-classes',
  pre: moveStylesToClasses,
  span: moveStylesToClasses,
};

interface ThemeJson {
  colors?: Record<string, string>;
  tokenColors?: Array<{ settings?: { foreground?: string } }>;
}

/**
 * Every colour a theme can give a token, and its editor colours. Shiki writes a token's colour,
 * never the background a theme gives some scopes: the block's background is the only one.
 */
async function palette(theme: BundledTheme): Promise<{ foreground: Set<string>; background: Set<string> }> {
  const json = (await bundledThemes[theme]()).default as ThemeJson;
  const colours = (values: Array<string | undefined>) =>
    new Set(
      values
        .filter((value): value is string => value !== undefined && HEX.test(value))
        .map((value) => value.toLowerCase()),
    );
  return {
    foreground: colours([
      json.colors?.['editor.foreground'],
      ...(json.tokenColors ?? []).map((token) => token.settings?.foreground),
    ]),
    background: colours([json.colors?.['editor.background']]),
  };
}

/** The rule of every class `colourClasses` can write for these themes, sorted so the file is stable. */
export async function colourClassesCss(themes: { light: BundledTheme; dark: BundledTheme }): Promise<string> {
  const rules: string[] = [];
  const add = (prefix: Prefix, colours: Set<string>) => {
    for (const colour of [...colours].sort())
      rules.push(`.${prefix}-${colour.slice(1)}{${VARIABLES[prefix]}:${colour}}`);
  };
  const [light, dark] = await Promise.all([palette(themes.light), palette(themes.dark)]);
  add('sl', light.foreground);
  add('slb', light.background);
  add('sd', dark.foreground);
  add('sdb', dark.background);
  const header = "/* Shiki's colours of both themes as classes (src/plugins/shiki-colour-classes.ts). */";
  return `${header}\n${rules.join('\n')}\n`;
}
