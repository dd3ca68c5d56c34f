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
// Each snippet runs as a script does: from a file (so tracebacks and stacks show its lines), as
// __main__. The interpreter is shared, so what a snippet leaves behind is undone after it, as a
// new process would start without it: logging handlers and levels, warning filters, the event
// loop policy, the modules it imported and what it changed in the modules it found loaded.
const runScript = pyodide.runPython(`
import gc, logging, sys, warnings

__started_with = (set(sys.modules), list(warnings.filters))
# sys holds the interpreter's own state (the streams Pyodide set up) and __main__ the runner's; every other module
# is put back as it was.
__module_contents = {
    name: (module, dict(vars(module)))
    for name, module in sys.modules.items()
    if name not in ("sys", "__main__") and hasattr(module, "__dict__")
}

def __reset():
    modules, filters = __started_with
    logging.disable(logging.NOTSET)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            logger.handlers.clear()
            logger.setLevel(logging.NOTSET)
            logger.propagate = True
            logger.disabled = False
    warnings.resetwarnings()
    warnings.filters.extend(filters)
    asyncio.events._set_event_loop_policy(_WasmEventLoopPolicy())
    asyncio.events._set_running_loop(None)
    for name in set(sys.modules) - modules:
        del sys.modules[name]
    for name, (module, saved) in __module_contents.items():
        sys.modules[name] = module
        contents = vars(module)
        for key in [key for key in contents if key not in saved]:
            del contents[key]
        for key, value in saved.items():
            if contents.get(key, __started_with) is not value:
                contents[key] = value
    gc.collect()

def __run_snippet(path):
    try:
        with open(path) as source:
            code = compile(source.read(), path, "exec")
        exec(code, {"__name__": "__main__", "__file__": path})
    finally:
        __reset()
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
