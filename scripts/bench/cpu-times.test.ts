import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childCpuSeconds, withTimes } from './cpu-times';

const MARK = 'bench-cpu-times';

describe('childCpuSeconds', () => {
  it.each([
    ['dash', 'a log line\nbench-cpu-times\n0m0.010000s 0m0.002000s\n1m2.500000s 0m3.250000s\n', 65.75],
    ['bash', 'bench-cpu-times\n0m0.010s 0m0.002s\n0m21.160s 0m5.430s\n', 26.59],
  ])("reads the children's user and system time as %s prints them", (_shell, stderr, seconds) => {
    expect(childCpuSeconds(stderr, MARK)).toBeCloseTo(seconds, 5);
  });

  it('says nothing when the build printed no times', () => {
    expect(childCpuSeconds('the build failed early\n', MARK)).toBeUndefined();
  });

  it('measures what a real shell ran, and keeps its exit code', () => {
    // Busy until the process has used 0.3 s of CPU, however long a loaded machine makes that take.
    const busy = `node -e "while (process.cpuUsage().user < 300_000);"`;
    const run = spawnSync('sh', ['-c', withTimes(busy, MARK)], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(childCpuSeconds(run.stderr, MARK)).toBeGreaterThanOrEqual(0.25);
    expect(spawnSync('sh', ['-c', withTimes('exit 3', MARK)]).status).toBe(3);
  });
});
