/** Finding the python3 the snippet check uses, and running it with a time limit. */
import { spawn } from 'node:child_process';
import { CHECKED_PYTHON, compareVersions } from './snippet-meta';

export const INSTALL_PYTHON =
  'install Python 3 (Debian/Ubuntu: sudo apt-get install -y python3; macOS: brew install python) or set PYTHON to its path';

export interface PythonRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
}

/**
 * Runs python with `args`, feeding `input` on stdin. The child leads its own process group so a
 * time-out also kills any worker processes a snippet started.
 */
export function runPython(python: string, args: string[], options: { input?: string; cwd?: string; timeoutMs: number }): Promise<PythonRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, {
      cwd: options.cwd,
      detached: true,
      env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode, timedOut });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The interpreter to use and its version; fails with how to install one when there is none. */
export async function findPython(python = process.env['PYTHON'] ?? 'python3'): Promise<{ python: string; version: string }> {
  const probe = await runPython(python, ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'], { timeoutMs: 10_000 }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new Error(`${python} not found (${error.code ?? error.message}): the snippet check needs it; ${INSTALL_PYTHON}`);
    },
  );
  const version = probe.stdout.trim();
  if (probe.exitCode !== 0 || !/^\d+\.\d+$/.test(version)) throw new Error(`${python} did not report its version: ${probe.stderr.trim()}`);
  if (compareVersions(version, CHECKED_PYTHON) < 0) {
    throw new Error(`${python} is Python ${version}; the snippet check needs ${CHECKED_PYTHON} or newer: ${INSTALL_PYTHON}`);
  }
  return { python, version };
}
