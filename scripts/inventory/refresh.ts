/**
 * `npm run inventory -- <file>`: refreshes content/python-inventory.json, either from a
 * python-inventory.json that carries version facts (checked and rewritten in the project's
 * layout) or from the docs' Sphinx objects.inv, keeping the version facts of every name that
 * still exists.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { formatInventory, keepVersionFacts, readObjectsInv } from './objects-inv';
import {
  INVENTORY_SECTIONS,
  loadInventory,
  parseInventory,
  type PythonInventory,
} from '../../src/lib/python-docs/inventory';

const TARGET = join(import.meta.dirname, '../../content/python-inventory.json');
const USAGE =
  'usage: npm run inventory -- <python-inventory.json | objects.inv>\n' +
  '  a python-inventory.json with version facts replaces the project copy;\n' +
  '  an objects.inv (https://docs.python.org/3/objects.inv) refreshes names and anchors and keeps the version facts';

function fromJson(bytes: Buffer, file: string): PythonInventory {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseInventory(data, file);
}

function fromObjectsInv(bytes: Buffer, file: string): PythonInventory {
  let fresh: PythonInventory;
  try {
    fresh = readObjectsInv(bytes, { source: `objects.inv (${basename(file)})` });
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  return keepVersionFacts(fresh, loadInventory(TARGET));
}

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error(USAGE);
  const bytes = await readFile(file).catch((error: Error) => {
    throw new Error(`${file}: ${error.message}\n${USAGE}`);
  });
  const inventory = bytes.subarray(0, 1).toString() === '{' ? fromJson(bytes, file) : fromObjectsInv(bytes, file);
  // A truncated download can still inflate; an inventory without objects would unlink every API.
  if (Object.keys(inventory.objects).length === 0 || Object.keys(inventory.modules).length === 0) {
    throw new Error(
      `${file}: holds no Python objects or modules; ${relative(process.cwd(), TARGET)} is left as it was`,
    );
  }
  const text = formatInventory(inventory);
  parseInventory(JSON.parse(text), TARGET);
  await writeFile(TARGET, text);
  const counts = INVENTORY_SECTIONS.map((section) => `${Object.keys(inventory[section]).length} ${section}`);
  const dated = Object.values(inventory.objects).filter((entry) => entry.added !== undefined).length;
  console.log(
    `${relative(process.cwd(), TARGET)}: Python ${inventory.python}, ${counts.join(', ')}; ${dated} objects with an ` +
      `"added" version`,
  );
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
