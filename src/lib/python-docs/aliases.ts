/** The receivers the Python docs and these notes write (`loop.`, `tg.`), mapped to the names the docs document. */

/**
 * Every method and attribute of the event loop is documented as `asyncio.loop.<name>`, and the
 * docs themselves write `loop.<name>()` in prose, so the whole receiver maps.
 */
export const RECEIVER_ALIASES: Readonly<Record<string, string>> = {
  loop: 'asyncio.loop',
};

/**
 * Other receivers map member by member, and only where the name means one thing on this site.
 * `pool` is a `concurrent.futures` executor in every note (`with ProcessPoolExecutor() as pool`),
 * not `multiprocessing.pool.Pool`. Left out on purpose: `future.*` (asyncio.Future and
 * concurrent.futures.Future both have `result()`), `queue.*` (asyncio.Queue, queue.Queue and the
 * `queue` module itself), and `lock.*` beyond acquire/release.
 */
export const NAME_ALIASES: Readonly<Record<string, string>> = {
  'executor.map': 'concurrent.futures.Executor.map',
  'executor.shutdown': 'concurrent.futures.Executor.shutdown',
  'executor.submit': 'concurrent.futures.Executor.submit',
  'interp.call': 'concurrent.interpreters.Interpreter.call',
  'interp.close': 'concurrent.interpreters.Interpreter.close',
  'interp.exec': 'concurrent.interpreters.Interpreter.exec',
  'lock.acquire': 'threading.Lock.acquire',
  'lock.release': 'threading.Lock.release',
  'pool.map': 'concurrent.futures.Executor.map',
  'pool.shutdown': 'concurrent.futures.Executor.shutdown',
  'pool.submit': 'concurrent.futures.Executor.submit',
  'runner.close': 'asyncio.Runner.close',
  'runner.get_loop': 'asyncio.Runner.get_loop',
  'runner.run': 'asyncio.Runner.run',
  'shm.buf': 'multiprocessing.shared_memory.SharedMemory.buf',
  'shm.close': 'multiprocessing.shared_memory.SharedMemory.close',
  'shm.name': 'multiprocessing.shared_memory.SharedMemory.name',
  'shm.size': 'multiprocessing.shared_memory.SharedMemory.size',
  'shm.unlink': 'multiprocessing.shared_memory.SharedMemory.unlink',
  'task.cancel': 'asyncio.Task.cancel',
  'task.cancelled': 'asyncio.Task.cancelled',
  'task.cancelling': 'asyncio.Task.cancelling',
  'task.done': 'asyncio.Task.done',
  'task.result': 'asyncio.Task.result',
  'task.uncancel': 'asyncio.Task.uncancel',
  'tg.cancel': 'asyncio.TaskGroup.cancel',
  'tg.create_task': 'asyncio.TaskGroup.create_task',
};

/**
 * The documented name an author's spelling may stand for (`loop.call_soon` → `asyncio.loop.call_soon`),
 * or undefined when it is no alias. Callers try the name as written first, so a real module
 * named like a receiver would still win.
 */
export function aliasTarget(name: string): string | undefined {
  if (Object.hasOwn(NAME_ALIASES, name)) return NAME_ALIASES[name];
  const dot = name.indexOf('.');
  if (dot === -1) return undefined;
  const receiver = name.slice(0, dot);
  return Object.hasOwn(RECEIVER_ALIASES, receiver) ? `${RECEIVER_ALIASES[receiver]}${name.slice(dot)}` : undefined;
}
