/**
 * CPU time of a build's whole process tree, from the shell's `times`: the second line it prints
 * is the user and system time of the children the shell waited for (Node, Pagefind, tsx).
 * Unlike wall-clock time it barely moves when other processes share the machine.
 */

/** What the build command becomes: it runs `command`, then prints `times` after `marker` on stderr. */
export const withTimes = (command: string, marker: string) =>
  `${command}\nstatus=$?\necho ${marker} >&2\ntimes >&2\nexit $status`;

/** User plus system seconds of the children, from what `times` printed after `marker`; undefined if absent. */
export function childCpuSeconds(stderr: string, marker: string): number | undefined {
  const at = stderr.lastIndexOf(marker);
  if (at === -1) return undefined;
  const [, children = ''] = stderr
    .slice(at + marker.length)
    .trim()
    .split('\n');
  const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    ([, minutes, seconds]) => 60 * Number(minutes) + Number(seconds),
  );
  return parts.length === 2 ? (parts[0] ?? 0) + (parts[1] ?? 0) : undefined;
}
