/**
 * The receivers the Python docs use in prose and examples, mapped to the documented names,
 * so `loop.run_in_executor()` links like `asyncio.loop.run_in_executor()` does. Only names
 * that mean one thing on this site are here.
 */
export const API_ALIASES: Readonly<Record<string, string>> = {
  loop: 'asyncio.loop',
  tg: 'asyncio.TaskGroup',
  task: 'asyncio.Task',
  executor: 'concurrent.futures.Executor',
  pool: 'concurrent.futures.Executor',
  shm: 'multiprocessing.shared_memory.SharedMemory',
  interp: 'concurrent.interpreters.Interpreter',
  runner: 'asyncio.Runner',
};

/** The documented name an author's spelling stands for: `loop.call_soon` → `asyncio.loop.call_soon`. */
export function resolveAlias(name: string): string {
  const [receiver, ...rest] = name.split('.');
  const target = receiver === undefined ? undefined : API_ALIASES[receiver];
  return target !== undefined && rest.length > 0 ? [target, ...rest].join('.') : name;
}
