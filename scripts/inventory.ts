/** `npm run inventory -- <objects.inv>`: refreshes content/python-inventory.json from the Python docs' objects.inv. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { formatInventory, readObjectsInv } from '../src/lib/objects-inv';
import { INVENTORY_SECTIONS, parseInventory } from '../src/lib/python-inventory';

const TARGET = join(import.meta.dirname, '../content/python-inventory.json');
const USAGE = 'usage: npm run inventory -- <objects.inv>\n  (download it from https://docs.python.org/3/objects.inv)';

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error(USAGE);
  const bytes = await readFile(file).catch((error: Error) => {
    throw new Error(`${file}: ${error.message}\n${USAGE}`);
  });
  let inventory;
  try {
    inventory = readObjectsInv(bytes, { source: `objects.inv (${basename(file)})` });
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  // A truncated download can still inflate; an inventory without objects would unlink every API.
  if (Object.keys(inventory.objects).length === 0 || Object.keys(inventory.modules).length === 0) {
    throw new Error(`${file}: holds no Python objects or modules; ${relative(process.cwd(), TARGET)} is left as it was`);
  }
  const text = formatInventory(inventory);
  parseInventory(JSON.parse(text), TARGET);
  await writeFile(TARGET, text);
  const counts = INVENTORY_SECTIONS.map((section) => `${Object.keys(inventory[section]).length} ${section}`);
  console.log(`${relative(process.cwd(), TARGET)}: Python ${inventory.python}, ${counts.join(', ')}`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
