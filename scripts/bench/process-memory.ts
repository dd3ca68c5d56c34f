/**
 * Samples the resident memory of a process and all its descendants (Linux /proc), keeping the peak.
 * GNU time's "maximum resident set size" is the largest single process, not the tree a build
 * spawns (shell, Node, Pagefind's binary), hence the polling.
 */
import { readdir, readFile } from 'node:fs/promises';

interface ProcessSample {
  pid: number;
  parent: number;
  residentBytes: number;
}

/**
 * PPid and VmRSS of every process; /proc/<pid>/task/<tid>/children is not on every kernel, so the tree is rebuilt from
 * PPid.
 */
async function sampleAll(): Promise<ProcessSample[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const samples = await Promise.all(
    pids.map(async (pid) => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1];
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      return parent === undefined
        ? undefined
        : { pid: Number(pid), parent: Number(parent), residentBytes: Number(rss ?? 0) * 1024 };
    }),
  );
  return samples.filter((sample): sample is ProcessSample => sample !== undefined);
}

/** Summed RSS of `root` and every process below it, in bytes. */
export function treeResidentBytes(root: number, samples: readonly ProcessSample[]): number {
  const children = new Map<number, ProcessSample[]>();
  for (const sample of samples) children.set(sample.parent, [...(children.get(sample.parent) ?? []), sample]);
  const self = samples.find((sample) => sample.pid === root);
  let total = self?.residentBytes ?? 0;
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      total += child.residentBytes;
      queue.push(child.pid);
    }
  }
  return total;
}

/**
 * Starts sampling `pid`'s process tree every `intervalMs`; `stop()` returns the peak of the tree's summed RSS in bytes.
 */
export function watchMemory(pid: number, intervalMs = 100): { stop: () => Promise<number> } {
  let peakBytes = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peakBytes = Math.max(peakBytes, treeResidentBytes(pid, await sampleAll()));
      await new Promise((resume) => setTimeout(resume, intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peakBytes;
    },
  };
}
