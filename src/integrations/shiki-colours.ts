/** Serves the CSS of Shiki's colour classes as `virtual:shiki-colours.css`, which the base layout imports. */
import type { BundledTheme } from 'shiki';
import { colourClassesCss } from '../plugins/shiki-colour-classes';

const ID = 'virtual:shiki-colours.css';
const RESOLVED = `\0${ID}`;

export function shikiColoursCss(themes: { light: BundledTheme; dark: BundledTheme }) {
  return {
    name: 'shiki-colours-css',
    resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
    load: (id: string) => (id === RESOLVED ? colourClassesCss(themes) : undefined),
  };
}
