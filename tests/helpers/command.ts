/** Runs one of the project's commands as a contributor or a CI runner does, with a limit that names it. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface CommandResult {
  code: number;
  /** stdout, then stderr. */
  output: string;
}

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** How long it may run before it is killed and the test fails naming `what`. */
  limitMs: number;
  /** The command in the words of the failure, e.g. "the workflow step `npm run snippets`". */
  what: string;
}

/** The exit code and output of `file args…`; a command still running after `limitMs` fails the test. */
export async function runCommand(file: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  return promisify(execFile)(file, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    timeout: options.limitMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; killed?: boolean; stdout: string; stderr: string }) => {
      if (error.killed) throw new Error(`${options.what} did not finish within ${options.limitMs / 1000} s`);
      return { code: error.code, output: error.stdout + error.stderr };
    },
  );
}
