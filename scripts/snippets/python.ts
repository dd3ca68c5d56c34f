/** Finding the python3 the snippet check uses, and running it with a time limit. */
import { spawn } from 'node:child_process';
import { compareVersions, featureRelease } from '../../src/lib/python-docs/versions';

/** The oldest CPython the snippet check runs on. */
export const CHECKED_PYTHON = '3.11';

export const INSTALL_PYTHON =
  'install it (Debian/Ubuntu: apt-get install python3; macOS: brew install python) or set PYTHON=/path/to/python3';

export interface PythonRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
}

/**
 * The reader's PYTHON* variables (PYTHONPATH, PYTHONSTARTUP, PYTHONWARNINGS…) would make a snippet behave
 * differently on their machine, so they are dropped; `-I` would drop them too, but also the two we need.
 */
function snippetEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PYTHON')));
  // A fixed hash seed keeps the order of printed sets and dicts of strings the same on every run.
  return { ...env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' };
}

/**
 * Runs python with `args`, feeding `input` on stdin. The child leads its own process group so a
 * time-out also kills any worker processes a snippet started.
 */
export function runPython(
  python: string,
  args: string[],
  options: { input?: string; cwd?: string; timeoutMs: number },
): Promise<PythonRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { cwd: options.cwd, detached: true, env: snippetEnvironment() });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    // Decoded as a stream: a character split across two chunks must not turn into two U+FFFD.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode, timedOut });
    });
    // A snippet that exits without reading stdin closes the pipe; that is not an error.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

export interface FoundPython {
  /** The interpreter's own file (its `sys.executable`), whatever name or wrapper found it. */
  python: string;
  /** major.minor, e.g. `3.11`. */
  version: string;
  /** The exact version, e.g. `3.11.7`. */
  exact: string;
  /** A free-threaded build reports itself so. */
  build: 'cpython' | 'free-threaded';
}

/** The version and build on the first line, the interpreter's own path on the second. */
const PROBE =
  'import sys, sysconfig; v = sys.version_info; ' +
  'print(f"{v[0]}.{v[1]}.{v[2]}", "free-threaded" if sysconfig.get_config_var("Py_GIL_DISABLED") else "cpython"); ' +
  'print(sys.executable)';

/** The interpreter to use, its version and build; fails with how to install one when there is none. */
export async function findPython(python = process.env['PYTHON'] || 'python3'): Promise<FoundPython> {
  const probe = await runPython(python, ['-c', PROBE], { timeoutMs: 10_000 }).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'not found' : `cannot be started (${error.code ?? error.message})`;
    throw new Error(`${python} ${why}: ${INSTALL_PYTHON}`);
  });
  const [reported = '', executable = ''] = probe.stdout.trim().split('\n');
  const [exact = '', build = ''] = reported.split(' ');
  if (probe.exitCode !== 0 || !/^\d+\.\d+\.\d+$/.test(exact) || (build !== 'cpython' && build !== 'free-threaded'))
    throw new Error(`${python} did not report its version: ${probe.stderr.trim()}`);
  const version = featureRelease(exact);
  if (compareVersions(version, CHECKED_PYTHON) < 0) {
    throw new Error(
      `${python} is Python ${version}; the snippet check needs ${CHECKED_PYTHON} or newer: ${INSTALL_PYTHON}`,
    );
  }
  // The interpreter itself rather than the name it was found by: a version manager's shim (pyenv's `python3`) costs
  // a shell and a lookup on every start, a second or more on a busy machine, and the check starts one per snippet.
  return { python: executable.trim() || python, version, exact, build };
}
