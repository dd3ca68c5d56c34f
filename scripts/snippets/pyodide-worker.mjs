// Runs snippets in Pyodide (CPython compiled to WebAssembly) for scripts/snippets/pyodide.ts, one at a time.
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';

// asyncio.run() and asyncio.Runner are CPython's own and get CPython's event loop, not Pyodide's browser loop: the
// loop of asyncio's base_events, over a selector that can only wait. Tasks, timers and
// cancellation run as on CPython; there are no sockets or signals to wait on in WebAssembly.
const ASYNCIO_LOOP = `
import asyncio, asyncio.base_events, asyncio.events, asyncio.runners, time

class _WaitingSelector:
    def select(self, timeout):
        if timeout is None:
            raise RuntimeError("the event loop would wait forever: nothing is scheduled")
        if timeout > 0:
            time.sleep(timeout)
        return []
    def close(self):
        pass

class _WasmEventLoop(asyncio.base_events.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _WaitingSelector()
    def _process_events(self, event_list):
        pass
    def _write_to_self(self):
        pass

class _WasmEventLoopPolicy(asyncio.events._BaseDefaultEventLoopPolicy):
    _loop_factory = _WasmEventLoop

# CPython's default policy, over the loop above: asyncio.get_event_loop() and friends behave and fail as on CPython.
asyncio.events._set_event_loop_policy(_WasmEventLoopPolicy())
asyncio.events.new_event_loop = _WasmEventLoop
asyncio.new_event_loop = _WasmEventLoop
# Pyodide's own asyncio.run() drives its browser loop; CPython's, still in asyncio.runners, is the one snippets mean.
asyncio.run = asyncio.runners.run
asyncio.events._set_running_loop(None)
`;

const pyodide = await loadPyodide();
let stdout = '';
pyodide.setStdout({ batched: (text) => (stdout += `${text}\n`) });
pyodide.setStderr({ batched: () => {} });
pyodide.runPython(ASYNCIO_LOOP);
const compile = pyodide.runPython(`
def __snippet_compile(code):
    try:
        compile(code, "<snippet>", "exec", dont_inherit=True)
        return None
    except SyntaxError as error:
        return f"line {error.lineno or 1}: {type(error).__name__}: {error.msg}"
__snippet_compile
`);
// Each snippet runs as a script does: from a file (so tracebacks and stacks show its lines), as __main__.
const runScript = pyodide.runPython(`
def __run_snippet(path):
    with open(path) as source:
        code = compile(source.read(), path, "exec")
    exec(code, {"__name__": "__main__", "__file__": path})
__run_snippet
`);

parentPort.on('message', ({ id, code, run }) => {
  const syntax = compile(code);
  if (syntax !== undefined && syntax !== null)
    return parentPort.postMessage({ id, compiled: false, error: String(syntax) });
  if (!run) return parentPort.postMessage({ id, compiled: true });
  stdout = '';
  try {
    pyodide.FS.writeFile('/tmp/snippet.py', code);
    runScript('/tmp/snippet.py');
    parentPort.postMessage({ id, compiled: true, ran: true, stdout });
  } catch (error) {
    parentPort.postMessage({
      id,
      compiled: true,
      ran: true,
      stdout,
      error: String(error).split('\n').slice(-3).join('\n'),
    });
  }
});
parentPort.postMessage({ ready: pyodide.runPython('import sys; ".".join(map(str, sys.version_info[:3]))') });
