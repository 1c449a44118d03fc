"""Our table beside the table widgets people already use: the same conversations frame (the
browser's columns) shown in JupyterLab in headless Chromium through ConversationBrowser (our
DataTable), itables, ipydatagrid, Perspective's widget and pandas' own HTML display, each in a
fresh kernel and a fresh page, at each size. For each: the time from executing the cell to its
first rows painted, the bytes the kernel sent the browser for that cell, the page's JS heap
after rendering, a live change of one row to its paint, and a scroll to the last row to its paint.

The peers run in a virtual environment of their own (made from the ``peers`` extra of
pyproject.toml on first use, outside the repository), with a kernel of their own; timconv_nb
never depends on them. The one JupyterLab server (this environment's) also serves the peers'
front-end extensions from that environment.

    .venv/bin/python benchmarks/table_peers.py --sizes 1000 10000 100000 --runs 3

How each figure is taken (every time in the page's own clock, performance.now()):

- *Painted* means: at the end of the first frame whose rendering shows it. Every frame, a
  ResizeObserver callback (which runs after the frame's requestAnimationFrame callbacks and
  layout, before its paint) checks the page; once the check holds, the time is taken in a task
  posted from there, which runs after that frame's rendering. The check, per display: a table
  cell holding the row's text (the conversation's id) that a hit test at its centre finds (so
  not clipped away nor covered), looked for through shadow roots too (Perspective's grid lives
  in one); for ipydatagrid, which draws on a canvas, its canvas pixels (first rows: the canvas
  holds text, i.e. many distinct colours; a change: its pixels differ from before; the last
  row: they differ and the vertical scroll bar's thumb is at the end of its track). The time
  the checks themselves took is logged with each run. Beside the first rows, *the cell's
  reply*: when the kernel had answered the cell's execution (its share of the time).
- *Bytes*: every websocket frame the page received on the kernel's channels, from the cell's
  execution until the kernel is idle and nothing has arrived for a second (the widgets' own
  follow-up requests included); the heaviest message types are kept for the summary.
- *Heap*: Chromium's V8 heap after a forced garbage collection (CDP HeapProfiler.collectGarbage,
  then Runtime.getHeapUsage), minus the same page's heap before the cell ran.
- *Live change*: one row's Draft cell set to a new text. Ours through the engine (the client
  sets the draft; its event reaches the table); Perspective by its table's ``update`` (keyed by
  the Conversation column, its index); ipydatagrid by its ``data`` setter; itables and pandas by
  showing the changed frame again.
- *Scroll*: to the last row the display holds. Ours and Perspective by their scroll container's
  scrollTop, ipydatagrid by a wheel event on its grid, itables by its "last page" button, pandas
  (whose default display holds the first and last five rows) by scrolling that row into view.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import nbformat
import tomllib

from _jupyter import CHROMIUM, chromium, jupyter_server

log = logging.getLogger("benchmarks.table_peers")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
VENV = Path.home() / ".cache" / "timconv_nb" / "table-peers-venv"
PEERS_KERNEL = "table-peers"
#: The peers' front-end extensions this environment's JupyterLab lacks (anywidget and the
#: widget manager are this environment's own, shared by every display).
PEER_LAB_EXTENSIONS = ("ipydatagrid", "bqplot", "bqscales")
MARK = "EDITED"  # the text the live change writes into the first row's Draft cell
VIEWPORT = {"width": 1600, "height": 1400}  # tall enough for the three cells and their outputs
SETTLE_S = 1.0  # quiet on the kernel's websocket that ends a cell's traffic


@dataclass(frozen=True)
class Display:
    """One way of showing the frame: the packages whose versions are printed, the cells (setup
    is not timed), where the change shows and how a person gets to the last row."""

    key: str  # what --only names it by
    name: str
    packages: tuple[str, ...]
    kernel: str  # "python3" (this environment's) or PEERS_KERNEL
    setup: str
    show: str
    change: str
    change_cell: int  # the cell whose output shows the change: 1 (a live widget) or 2 (shown again)
    canvas: bool  # drawn on a canvas (checked by pixels) rather than in the DOM
    scroll: str  # how the page gets to the last row: a key of PAGE_JS's actions
    key_order: bool = False  # rows shown in the order of the Conversation column (an index)


LOAD_FRAME = "import json, pandas as pd\nframe = pd.DataFrame(json.load(open({frame!r})))\n"
# itables' documented set-up: its DataTables bundle (0.7 MB) put in the page once, untimed.
ITABLES = LOAD_FRAME + "from itables import init_notebook_mode, show\ninit_notebook_mode()"
DISPLAYS = (
    Display("ours", "ours (ConversationBrowser)", ("timconv_nb",), "python3",
            "from timconv_nb import Client\nfrom timconv_nb.widgets import ConversationBrowser\n"
            "client = Client({store!r})\nclient.login('bench')",
            "browser = ConversationBrowser(client)\nbrowser",
            "client.set_draft({first!r}, {mark!r}, 'group')", 1, False, "viewport"),
    Display("itables", "itables", ("itables",), PEERS_KERNEL, ITABLES,
            "show(frame)", "frame.loc[0, 'Draft'] = {mark!r}\nshow(frame)", 2, False, "last-page"),
    # By default itables keeps at most 64 KB of a frame (its first and last rows); this is the
    # same with every row kept, as a list one can page through whole.
    Display("itables-all", "itables, every row", ("itables",), PEERS_KERNEL, ITABLES,
            "show(frame, maxBytes=0)", "frame.loc[0, 'Draft'] = {mark!r}\nshow(frame, maxBytes=0)", 2, False,
            "last-page"),
    Display("ipydatagrid", "ipydatagrid", ("ipydatagrid",), PEERS_KERNEL,
            LOAD_FRAME + "from ipydatagrid import DataGrid",
            "grid = DataGrid(frame)\ngrid", "frame.loc[0, 'Draft'] = {mark!r}\ngrid.data = frame", 1, True, "wheel"),
    Display("perspective", "Perspective", ("perspective-python",), PEERS_KERNEL,
            LOAD_FRAME + "from perspective.widget import PerspectiveWidget",
            "widget = PerspectiveWidget(frame, index='Conversation')\nwidget",
            "widget.table.update([{{'Conversation': {first!r}, 'Draft': {mark!r}}}])", 1, False, "perspective",
            key_order=True),
    Display("pandas", "pandas (HTML)", ("pandas",), PEERS_KERNEL, LOAD_FRAME,
            "frame", "frame.loc[0, 'Draft'] = {mark!r}\nframe", 2, False, "into-view"),
)

# The page's side: window.tcPeers.measure(step, cell, want) takes a step (runs a cell, or
# scrolls) and resolves at the end of the first frame that shows what is wanted (see the
# module's docstring); window.tcPeers.run(i) executes cell i.
PAGE_JS = """
window.tcPeers = (() => {
  const notebook = () => window.jupyterapp?.shell?.currentWidget;
  const output = (cell) => notebook().content.widgets[cell].outputArea.node;
  function* elements(root) {  // every element under root, shadow trees included
    const stack = [root];
    while (stack.length) {
      const node = stack.pop();
      if (node.shadowRoot) stack.push(node.shadowRoot);
      for (const child of node.children) stack.push(child);
      if (node.nodeType === 1) yield node;
    }
  }
  // Seen: it has a box in the window and a hit test at its centre finds it (or its row).
  function seen(el) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight ||
        r.left >= innerWidth) return false;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = el.getRootNode().elementFromPoint(x, y);
    return hit !== null && (hit === el || el.contains(hit) || hit === el.parentElement);
  }
  function cellWithText(root, text) {
    for (const el of elements(root)) {
      if (el.childElementCount <= 1 && el.textContent.trim() === text && seen(el)) return el;
    }
    return null;
  }
  // The canvases under root: a hash of their pixels and how many distinct colours they hold.
  function pixels(root) {
    let hash = 0, colours = new Set();
    for (const el of elements(root)) {
      if (el.tagName !== 'CANVAS' || el.width === 0 || el.height === 0) continue;
      const data = new Uint32Array(el.getContext('2d').getImageData(0, 0, el.width, el.height).data.buffer);
      for (let i = 0; i < data.length; i++) {
        hash = (Math.imul(hash, 31) + data[i]) | 0;
        if (colours.size < 64 && i % 7 === 0) colours.add(data[i]);  // a prime stride: no column aliasing
      }
    }
    return { hash, colours: colours.size };
  }
  function scrolledToEnd(root) {
    for (const el of elements(root)) {
      if (!el.classList.contains('lm-ScrollBar') || el.dataset.orientation !== 'vertical') continue;
      const track = el.querySelector('.lm-ScrollBar-track'), thumb = el.querySelector('.lm-ScrollBar-thumb');
      if (track && thumb && thumb.getBoundingClientRect().bottom >= track.getBoundingClientRect().bottom - 1) {
        return true;
      }
    }
    return false;
  }
  // Resolves with performance.now() at the end of the first frame that shows check() true:
  // checked from a ResizeObserver (after the frame's animation callbacks and layout, before
  // its paint), the time taken in a task posted from there (after the frame's rendering).
  function painted(check, began, seconds) {
    return new Promise((resolve, reject) => {
      const probe = document.createElement('div');
      probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
      document.body.appendChild(probe);
      const limit = setTimeout(() => { stop(); reject(new Error(`not painted within ${seconds} s`)); }, seconds * 1000);
      let checking = 0;  // the ms the checks themselves took, on the page's thread
      const stop = () => { observer.disconnect(); probe.remove(); clearTimeout(limit); };
      const observer = new ResizeObserver(() => {
        let shown = false;
        const checkBegan = performance.now();
        try { shown = check(); } catch (error) { stop(); reject(error); return; }
        checking += performance.now() - checkBegan;
        if (shown) {
          stop();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ ms: performance.now() - began, checking });
          channel.port2.postMessage(null);
        } else {
          requestAnimationFrame(() => { observer.unobserve(probe); observer.observe(probe); });
        }
      });
      observer.observe(probe);
    });
  }
  function checker(want) {
    const root = output(want.cell);
    const check = checkerOf(want, root);
    return () => {  // a cell that failed fails the measurement at once, with its error
      const error = root.querySelector('[data-mime-type="application/vnd.jupyter.error"]');
      if (error) throw new Error(error.textContent.slice(-2000));
      return check();
    };
  }
  function checkerOf(want, root) {
    if (want.what === 'text') return () => cellWithText(root, want.text) !== null;
    if (want.what === 'drawn') return () => pixels(root).colours >= 20;
    const before = pixels(root).hash;
    if (want.what === 'redrawn') return () => pixels(root).hash !== before;
    return () => pixels(root).hash !== before && scrolledToEnd(root);  // 'scrolled'
  }
  const actions = {
    run: (cell) => {  // resolves when the kernel has run the cell (its reply has come)
      notebook().content.activeCellIndex = cell;
      return window.jupyterapp.commands.execute('notebook:run-cell');
    },
    viewport: (root) => {
      const viewport = root.querySelector('.tc-table-viewport');
      viewport.scrollTop = viewport.scrollHeight;
    },
    perspective: (root) => {
      for (const el of elements(root)) if (el.tagName === 'REGULAR-TABLE') { el.scrollTop = el.scrollHeight; return; }
      throw new Error('no regular-table in the output');
    },
    wheel: (root) => {
      for (const el of elements(root)) {
        if (el.classList.contains('lm-DataGrid')) {
          const r = el.getBoundingClientRect();
          el.querySelector('canvas').dispatchEvent(new WheelEvent('wheel', {
            deltaY: 1e9, deltaMode: 0, bubbles: true, cancelable: true,
            clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }));
          return;
        }
      }
      throw new Error('no lm-DataGrid in the output');
    },
    'last-page': (root) => {
      const last = [...elements(root)].find((el) => el.tagName === 'BUTTON' && el.classList.contains('last'));
      if (!last) throw new Error('no last-page button in the output');
      last.click();
    },
    'into-view': (root) => {
      const rows = root.querySelectorAll('table tbody tr');
      rows[rows.length - 1].scrollIntoView({ block: 'end' });
    },
  };
  // Does one step (run a cell, or scroll) and resolves with the ms until `want` is painted
  // (and, for a cell, until the kernel had run it).
  async function measure(step, arg, want) {
    const check = checker(want);
    const began = performance.now();
    const shown = painted(check, began, want.seconds);
    let ran = null;
    if (step === 'run') actions.run(arg).then(() => { ran = performance.now() - began; });
    else actions[step](output(arg));
    const result = await shown;
    if (step === 'run') while (ran === null) await new Promise((next) => setTimeout(next, 10));
    return { ...result, ran };
  }
  const kernelStatus = () => notebook()?.sessionContext?.session?.kernel?.status || 'none';
  const executed = (cell) => notebook().content.widgets[cell].model.executionCount !== null;
  return { measure, kernelStatus, executed, run: actions.run, output };
})();
"""


# ---- the peers' environment ------------------------------------------------------------------


def peer_requirements() -> list[str]:
    """The ``peers`` extra of pyproject.toml: what the peers' environment installs."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return list(project["optional-dependencies"]["peers"])


def peer_environment(venv: Path) -> Path:
    """Makes (once, or again when the extra changes) the peers' virtual environment; returns
    its python."""
    requirements = peer_requirements()
    stamp = venv / "timconv-peers.json"
    python = venv / "bin" / "python"
    if python.exists() and stamp.exists() and json.loads(stamp.read_text()) == requirements:
        return python
    log.info("making the peers' environment in %s: %s", venv, " ".join(requirements))
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *requirements], check=True)
    stamp.write_text(json.dumps(requirements))
    return python


def versions(python: Path, packages: list[str]) -> dict[str, str]:
    code = ("import importlib.metadata as m, json, sys\n"
            "print(json.dumps({p: m.version(p) for p in sys.argv[1:]}))")
    result = subprocess.run([str(python), "-c", code, *packages], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def jupyter_path(work: Path, python: Path, venv: Path) -> Path:
    """A Jupyter data folder with the peers' kernel and the peers' front-end extensions the
    server's own environment lacks (linked from the peers' environment)."""
    data = work / "jupyter"
    kernel = data / "kernels" / PEERS_KERNEL
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (table peers)", "language": "python"}))
    extensions = data / "labextensions"
    extensions.mkdir()
    for name in PEER_LAB_EXTENSIONS:
        (extensions / name).symlink_to(venv / "share" / "jupyter" / "labextensions" / name)
    return data


# ---- the data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    """One size's data: the store (copied for each run of ours) and the frame as JSON."""

    size: int
    store: Path
    frame: Path
    first: str  # the first row's conversation id, in the SDK's order
    last: str
    first_key: str  # the same in the order of the id (Perspective's, keyed by it)
    last_key: str


def make_data(size: int, work: Path) -> Data:
    """A store of `size` conversations (benchmarks/_populate.py) and the frame of the browser's
    columns made from it, as ConversationBrowser shows them."""
    from _populate import populate
    from timconv_nb import Client
    from timconv_nb.widgets.browser import BROWSER_COLUMNS

    store = work / f"store-{size}"
    with Client(store, replace=True, timeout=120) as client:
        client.login("bench")
        populate(client, size)
        conversations = client.conversation_list()
    # A face column's cell is [name, face URL]: the peers show the name, as text.
    frame = {column.label: [column.cell(c)[0] if column.kind == "face" else column.cell(c) for c in conversations]
             for column in BROWSER_COLUMNS}
    path = work / f"frame-{size}.json"
    path.write_text(json.dumps(frame))
    ids = frame["Conversation"]
    return Data(size, store, path, ids[0], ids[-1], min(ids), max(ids))


# ---- the browser's side ----------------------------------------------------------------------


class KernelTraffic:
    """Counts what the page receives on the kernel's websocket (JupyterLab's binary protocol or
    JSON), by message type."""

    def __init__(self) -> None:
        self.bytes = 0
        self.by_type: Counter[str] = Counter()
        self.last = time.monotonic()

    def attach(self, socket: Any) -> None:
        if "/api/kernels/" in socket.url and "/channels" in socket.url:
            socket.on("framereceived", self._received)

    def _received(self, payload: Any) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode()
        self.bytes += len(data)
        self.by_type[message_type(data)] += len(data)
        self.last = time.monotonic()

    def mark(self) -> tuple[int, Counter[str]]:
        return self.bytes, self.by_type.copy()


def message_type(data: bytes) -> str:
    """The msg_type of one kernel websocket frame (v1 binary protocol: a count, then offsets;
    part 1 is the channel, part 2 the header), or "?"."""
    try:
        if data[:1] == b"{":
            return json.loads(data)["header"]["msg_type"]
        count = struct.unpack_from("<Q", data)[0]
        offsets = struct.unpack_from(f"<{count}Q", data, 8)
        return json.loads(data[offsets[1]:offsets[2]])["msg_type"]
    except (ValueError, KeyError, IndexError, struct.error):
        return "?"


@contextlib.contextmanager
def notebook_page(browser: Any, url: str, traffic: KernelTraffic, screenshot: Optional[Path]) -> Iterator[Any]:
    """A page of its own (a fresh browser context) on the notebook, its kernel started and idle;
    its picture saved to `screenshot` (if given) and the kernel shut down afterwards."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.on("websocket", traffic.attach)
    page.add_init_script(PAGE_JS)
    try:
        page.goto(url)
        page.wait_for_function("() => window.tcPeers && window.tcPeers.kernelStatus() === 'idle'", timeout=120_000)
        yield page
    finally:
        if screenshot is not None:
            page.screenshot(path=str(screenshot))
        with contextlib.suppress(Exception):  # the kernel may already be gone
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        context.close()


def settle(page: Any, traffic: KernelTraffic) -> None:
    """Waits until the kernel is idle and its websocket has been quiet for SETTLE_S."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        quiet = time.monotonic() - traffic.last >= SETTLE_S
        if quiet and page.evaluate("() => window.tcPeers.kernelStatus()") == "idle":
            return
    raise TimeoutError("the kernel did not settle within 600 s")


def heap_mib(cdp: Any) -> float:
    """The page's V8 heap and ArrayBuffers' memory after a garbage collection (WebAssembly
    memory is not counted: Chromium reports it nowhere a page can read)."""
    cdp.send("HeapProfiler.collectGarbage")
    usage = cdp.send("Runtime.getHeapUsage")
    return (usage["usedSize"] + usage.get("backingStorageSize", 0)) / 2**20


def cell_sources(display: Display, data: Data, store: Path) -> list[str]:
    first = data.first_key if display.key_order else data.first
    fields = {"frame": str(data.frame), "store": str(store), "first": first, "mark": MARK}
    return [display.setup.format(**fields), display.show.format(**fields), display.change.format(**fields)]


def measure(display: Display, data: Data, root: Path, base: str, token: str, browser: Any,
            screenshot: Optional[Path], seconds: float) -> dict[str, Any]:
    """One display of one size in a fresh kernel and page; the page's picture is saved to
    `screenshot` at the end (or when a step fails), when given. A step not painted within
    `seconds` fails."""
    store = root / "store"
    if display.kernel == "python3":
        shutil.rmtree(store, ignore_errors=True)
        shutil.copytree(data.store, store)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cell_sources(display, data, store)]
    name = {"python3": "Python 3 (ipykernel)", PEERS_KERNEL: "Python 3 (table peers)"}[display.kernel]
    nb.metadata["kernelspec"] = {"display_name": name, "language": "python", "name": display.kernel}
    nbformat.write(nb, root / "peers.ipynb")
    traffic = KernelTraffic()
    first = data.first_key if display.key_order else data.first
    last = data.last_key if display.key_order else data.last
    with notebook_page(browser, f"{base}/lab/tree/peers.ipynb{token}", traffic, screenshot) as page:
        cdp = page.context.new_cdp_session(page)
        page.evaluate("() => window.tcPeers.run(0)")
        page.wait_for_function("() => window.tcPeers.executed(0)", timeout=600_000)
        settle(page, traffic)
        heap_before = heap_mib(cdp)
        bytes_before, types_before = traffic.mark()
        want = ({"cell": 1, "what": "drawn", "seconds": seconds} if display.canvas
                else {"cell": 1, "what": "text", "text": first, "seconds": seconds})
        first = page.evaluate("([want]) => window.tcPeers.measure('run', 1, want)", [want])
        settle(page, traffic)
        show_bytes, show_types = traffic.mark()
        heap_after = heap_mib(cdp)
        want = ({"cell": 1, "what": "redrawn", "seconds": seconds} if display.canvas
                else {"cell": display.change_cell, "what": "text", "text": MARK, "seconds": seconds})
        change = page.evaluate("([want]) => window.tcPeers.measure('run', 2, want)", [want])
        settle(page, traffic)
        change_bytes, _ = traffic.mark()
        want = ({"cell": 1, "what": "scrolled", "seconds": seconds} if display.canvas
                else {"cell": 1, "what": "text", "text": last, "seconds": seconds})
        scroll = page.evaluate("([step, want]) => window.tcPeers.measure(step, 1, want)", [display.scroll, want])
    heaviest = (show_types - types_before).most_common(2)
    return {"first_ms": first["ms"], "ran_ms": first["ran"], "bytes": show_bytes - bytes_before,
            "heap_mib": heap_after - heap_before,
            "heap_total_mib": heap_after, "change_ms": change["ms"], "change_bytes": change_bytes - show_bytes,
            "scroll_ms": scroll["ms"], "heaviest": heaviest,
            "checks_ms": [round(step["checking"]) for step in (first, change, scroll)]}


# ---- the table -------------------------------------------------------------------------------

MEASURES = (("first_ms", "first rows painted, ms"), ("ran_ms", "the cell's reply, ms"),
            ("bytes", "kernel -> browser, bytes"),
            ("heap_mib", "JS heap added, MiB"), ("change_ms", "one row changed, ms"),
            ("scroll_ms", "last row painted after a scroll, ms"))


def median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def figure(key: str, value: float) -> str:
    if key == "bytes":
        return f"{value:,.0f}"
    return f"{value:.1f}" if key == "heap_mib" else f"{value:.0f}"


def table(results: dict[tuple[str, int], list[dict[str, Any]]], sizes: list[int]) -> list[str]:
    """Medians over the runs, each with its ratio to ours (peer / ours: above 1, ours wins)."""
    ours = DISPLAYS[0].name
    lines = ["| rows | display | " + " | ".join(label for _, label in MEASURES) + " |",
             "| ---: | --- |" + " ---: |" * len(MEASURES)]
    for size in sizes:
        for display in DISPLAYS:
            runs = results.get((display.name, size))
            if not runs:
                continue
            cells = []
            for key, _ in MEASURES:
                value, mine = median(runs, key), median(results[(ours, size)], key)
                ratio = "" if display.name == ours or mine <= 0 or key == "ran_ms" else f" ({value / mine:.2f}x)"
                cells.append(figure(key, value) + ratio)
            lines.append(f"| {size:,} | {display.name} | " + " | ".join(cells) + " |")
    return lines


def summary(results: dict[tuple[str, int], list[dict[str, Any]]], size: int) -> str:
    """The issue's targets at the largest size."""
    ours = results[(DISPLAYS[0].name, size)]
    peers = {d.name: results[(d.name, size)] for d in DISPLAYS[1:] if (d.name, size) in results}
    if not peers:
        return f"summary: ours alone at {size:,} rows: first rows {median(ours, 'first_ms'):.0f} ms"
    fastest = min(peers, key=lambda n: median(peers[n], "first_ms"))
    smallest = min(peers, key=lambda n: median(peers[n], "bytes"))
    lowest = min(peers, key=lambda n: median(peers[n], "heap_mib"))
    parts = [f"at {size:,} rows, first rows {median(ours, 'first_ms'):.0f} ms against the fastest peer's "
             f"{median(peers[fastest], 'first_ms'):.0f} ({fastest})",
             f"bytes {median(ours, 'bytes'):,.0f} against the smallest peer's "
             f"{median(peers[smallest], 'bytes'):,.0f} ({smallest})",
             f"heap {median(ours, 'heap_mib'):.1f} MiB against the lowest peer's "
             f"{median(peers[lowest], 'heap_mib'):.1f} ({lowest})"]
    if "Perspective" in peers:
        parts.append(f"a live row change {median(ours, 'change_ms'):.0f} ms against Perspective's update "
                     f"{median(peers['Perspective'], 'change_ms'):.0f} ms")
    return "summary: " + "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="+", choices=[d.key for d in DISPLAYS],
                        help="measure only these displays (ours is always measured, and "
                             "'--only ours' needs no peers' environment)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a step may take to be painted")
    parser.add_argument("--screenshots", type=Path, help="save each page's picture, when measured, in this folder")
    parser.add_argument("--venv", type=Path, default=VENV, help="the peers' environment (made if missing)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    chosen = [d for d in DISPLAYS if d is DISPLAYS[0] or not args.only or d.key in args.only]
    own = versions(Path(sys.executable), ["timconv_nb", "jupyterlab", "ipywidgets", "anywidget"])
    chromium_version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    log.info("ours: %s; %s", ", ".join(f"{k} {v}" for k, v in own.items()), chromium_version)
    python = peer_environment(args.venv) if len(chosen) > 1 else None
    if python is not None:
        peer_versions = versions(python, sorted({p for d in chosen[1:] for p in d.packages}
                                                | {"ipykernel", "ipywidgets", "anywidget", "pyarrow"}))
        log.info("peers: %s", ", ".join(f"{k} {v}" for k, v in peer_versions.items()))
    results: dict[tuple[str, int], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="timconv-peers-") as folder:
        work = Path(folder)
        if python is not None:
            os.environ["JUPYTER_PATH"] = str(jupyter_path(work, python, args.venv))
        root = work / "root"
        root.mkdir()
        with jupyter_server(root, work) as (base, token), chromium() as (page, _alerts):
            browser = page.context.browser
            for size in args.sizes:
                data = make_data(size, work)
                for run in range(args.runs):
                    for display in chosen:  # interleaved, so the machine's drift spreads over all
                        picture = None
                        if args.screenshots:
                            args.screenshots.mkdir(parents=True, exist_ok=True)
                            picture = args.screenshots / f"{display.key}-{size}-{run + 1}.png"
                        r = measure(display, data, root, base, token, browser, picture, args.timeout)
                        results.setdefault((display.name, size), []).append(r)
                        log.info("%s, %s rows, run %d: %s", display.name, f"{size:,}", run + 1,
                                 ", ".join(f"{k} {figure(k, r[k])}" for k, _ in MEASURES)
                                 + f"; heaviest messages {r['heaviest']}; checks took {r['checks_ms']} ms")
    lines = [f"{len(args.sizes)} sizes x {args.runs} runs, medians (peer / ours in brackets; above 1: ours is "
             "lower)", *table(results, args.sizes), summary(results, max(args.sizes))]
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
