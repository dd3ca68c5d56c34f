/** The build log's words about references that no note cites. */

export function formatUncited(uncited: ReadonlyArray<{ id: string; data: { url: string } }>): string | undefined {
  if (uncited.length === 0) return undefined;
  const lines = uncited.map((reference) => `  - ${reference.id}: ${reference.data.url}`);
  return (
    `${uncited.length} reference${uncited.length === 1 ? ' is' : 's are'} cited by no note (cite or remove them ` +
    `in content/references.yaml):\n${lines.join('\n')}`
  );
}
