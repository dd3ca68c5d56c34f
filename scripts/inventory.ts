/** `npm run inventory -- <objects.inv>`: refreshes content/python-inventory.json from the Python docs' objects.inv. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readObjectsInv } from '../src/lib/objects-inv';

const TARGET = 'content/python-inventory.json';

async function main(file: string | undefined): Promise<void> {
  if (!file) {
    throw new Error('usage: npm run inventory -- <objects.inv>\n  download it from https://docs.python.org/3/objects.inv');
  }
  const inventory = readObjectsInv(await readFile(file), { source: `objects.inv (${basename(file)})` });
  await writeFile(TARGET, `${JSON.stringify(inventory, null, 1)}\n`);
  const counts = (['objects', 'modules', 'glossary', 'labels'] as const).map((section) => `${Object.keys(inventory[section]).length} ${section}`);
  console.log(`${TARGET}: Python ${inventory.python}, ${counts.join(', ')}`);
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
