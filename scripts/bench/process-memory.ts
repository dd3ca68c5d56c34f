/** Samples the resident memory of a process and all its descendants (Linux /proc), keeping the peak. */
import { readdir, readFile } from 'node:fs/promises';

async function descendants(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children = (await Promise.all(tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => ''))))
    .flatMap((text) => text.trim().split(/\s+/))
    .filter(Boolean)
    .map(Number);
  return [pid, ...(await Promise.all(children.map(descendants))).flat()];
}

async function residentKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
}

/** Starts sampling `pid`'s process tree every `intervalMs`; `stop()` returns the peak total in MiB. */
export function watchMemory(pid: number, intervalMs = 100): { stop: () => Promise<number> } {
  let peakKiB = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const pids = await descendants(pid);
      const total = (await Promise.all(pids.map(residentKiB))).reduce((sum, kib) => sum + kib, 0);
      peakKiB = Math.max(peakKiB, total);
      await new Promise((resume) => setTimeout(resume, intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peakKiB / 1024;
    },
  };
}
