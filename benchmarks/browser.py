"""The browser's side of live updates: ConversationBrowser in JupyterLab over a large list, in
headless Chromium, while the kernel changes conversations from a thread (as the engine's events
do): drafts (the row changes in place) and messages (the row moves to the top, so every row in
the window shifts). Each patch the table's view applies is timed from outside the shipped
table.js: the benchmark's table module imports it unchanged and times its handler of the
kernel's messages (TIMED_TABLE_JS), DOM work included and the layout it forces (the handler reads
the viewport's size afterwards, to ask for the window it now needs). The floor, measured in the
same page, is filling one row of the table's ten cells and laying it out (what any view must do
for one changed row). Also:
jumping to random places in the list, from the scroll to the rows drawn (a round trip to the
kernel for the new window).

    python benchmarks/browser.py --size 100000
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
from pathlib import Path

import nbformat

from _jupyter import chromium, jupyter_server

log = logging.getLogger("benchmarks.browser")

HERE = Path(__file__).resolve().parent


# The table's front end as the benchmark loads it: the shipped module (SHIPPED: table.js in
# base64), its view given a model whose handler of the kernel's messages is timed. Only the
# patches meant for this view count (its id is learnt from the window it asks for). The figures
# are in window.tcPatchStats.
TIMED_TABLE_JS = """
import shipped from "data:text/javascript;base64,SHIPPED";

function timedModel(model, stats) {
  const timers = new Map();
  const timer = (handler) => (message, buffers) => {
    const began = performance.now();
    handler(message, buffers);
    if (message && message.type === "rows" && message.view === stats.view) {
      stats.patches += 1;
      stats.rows += message.rows.length;
      stats.ms.push(performance.now() - began);
    }
  };
  const overrides = {
    on: (event, handler) => {
      const timed = event === "msg:custom" ? timer(handler) : handler;
      timers.set(handler, timed);
      model.on(event, timed);
    },
    off: (event, handler) => model.off(event, timers.get(handler) || handler),
    send: (content, ...rest) => {
      if (content && content.type === "window") stats.view = content.view;
      return model.send(content, ...rest);
    },
  };
  const bound = new Map(); // the model's other methods, bound once (the view calls get() per row)
  return new Proxy(model, {
    get(target, name) {
      if (name in overrides) return overrides[name];
      const value = Reflect.get(target, name);
      if (typeof value !== "function") return value;
      if (!bound.has(name)) bound.set(name, value.bind(target));
      return bound.get(name);
    },
  });
}

export default {
  render({ model, el }) {
    const stats = { view: null, patches: 0, rows: 0, ms: [] };
    window.tcPatchStats = stats;
    return shipped.render({ model: timedModel(model, stats), el });
  },
};
"""


def notebook(size: int, updates: int, data: Path) -> nbformat.NotebookNode:
    setup = (
        "import base64, sys, threading, time\n"
        f"sys.path.insert(0, {str(HERE)!r})\n"
        "from _populate import populate\n"
        "from timconv_nb import Client\n"
        "from timconv_nb.widgets import ConversationBrowser\n"
        "from timconv_nb.widgets.table import STATIC\n"
        f"client = Client({str(data)!r}, replace=True)\n"
        "client.login('bench')\n"
        f"populate(client, {size})\n"
        "browser = ConversationBrowser(client)\n"
        "shipped = base64.b64encode((STATIC / 'table.js').read_bytes()).decode()\n"
        f"browser.table._esm = {TIMED_TABLE_JS!r}.replace('SHIPPED', shipped)\n"
        "browser"
    )
    # From a thread, so that the kernel keeps answering the page while the updates run.
    updates_cell = (
        "def update():\n"
        "    time.sleep(3)\n"
        "    shown = [c.conv_id for c in client.conversation_list()[:12]]\n"  # the rows in view
        f"    for i in range({updates}):\n"
        "        client.set_draft(shown[i % len(shown)], f'draft {i}', 'group')\n"
        "        time.sleep(0.02)\n"
        f"    for i in range({updates}):\n"
        "        client.send_text(shown[i % len(shown)], f'message {i}', 'group')\n"
        "        time.sleep(0.02)\n"
        "threading.Thread(target=update, daemon=True).start()"
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(setup), nbformat.v4.new_code_cell(updates_cell)]
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return nb


FLOOR_JS = """() => {
  const columns = 10, samples = [];
  const host = document.createElement('div');
  document.body.appendChild(host);
  for (let n = 0; n < 2000; n++) {
    const began = performance.now();
    const row = document.createElement('div');
    for (let i = 0; i < columns; i++) {
      const cell = document.createElement('div');
      cell.textContent = 'cell ' + n + ' ' + i;
      row.appendChild(cell);
    }
    host.replaceChildren(row);
    row.getBoundingClientRect();
    samples.push(performance.now() - began);
  }
  host.remove();
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}"""

JUMPS_JS = """async (count) => {
  const viewport = document.querySelector('.tc-browser-table .tc-table-viewport');
  const times = [];
  for (let n = 0; n < count; n++) {
    const began = performance.now();
    viewport.scrollTop = Math.random() * (viewport.scrollHeight - viewport.clientHeight);
    await new Promise((done) => {
      const check = () => {
        const rows = viewport.querySelectorAll('.tc-table-body [role=row]');
        const waiting = viewport.querySelectorAll('.tc-table-body .tc-loading');
        if (rows.length > 0 && waiting.length === 0 && performance.now() - began > 1) done();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    times.push(performance.now() - began);
  }
  return times;
}"""


def measure(size: int, updates: int, jumps: int, work: Path) -> dict:
    from playwright.sync_api import expect

    root = work / "root"
    root.mkdir()
    nbformat.write(notebook(size, updates, work / "data"), root / "bench.ipynb")
    with jupyter_server(root, work) as (base, token), chromium(1400, 1000) as (page, _alerts):
        page.goto(f"{base}/lab/tree/bench.ipynb{token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell")
        expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        count = page.locator(".tc-browser-count")
        expect(count).to_have_text(f"{size} of {size} conversations", timeout=600_000)
        page.wait_for_function(f"() => window.tcPatchStats && window.tcPatchStats.patches >= {2 * updates}",
                               timeout=120_000)
        applied = page.evaluate("() => window.tcPatchStats")
        floor = page.evaluate(FLOOR_JS)
        jump_times = page.evaluate(JUMPS_JS, jumps)
    patches = applied["ms"][-2 * updates:]
    drafts, moves = patches[:updates], patches[updates:]
    return {"size": size, "floor": floor, "drafts": statistics.median(drafts), "moves": statistics.median(moves),
            "p99": sorted(patches)[int(len(patches) * 0.99)], "jumps": statistics.median(jump_times),
            "rows_per_patch": applied["rows"] / max(applied["patches"], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--updates", type=int, default=100)
    parser.add_argument("--jumps", type=int, default=30)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder:
        r = measure(args.size, args.updates, args.jumps, Path(folder))
    floor = r["floor"]
    lines = [f"the browser applying the kernel's patches, {r['size']:,} conversations (ms; ratio to filling one row)",
             "| what | median ms | x one-row floor |", "| --- | ---: | ---: |",
             f"| floor: one row of ten cells filled | {floor:.3f} | 1.00 |",
             f"| a draft (its row changes in place) | {r['drafts']:.3f} | {r['drafts'] / floor:.1f} |",
             f"| a message (its row moves to the top) | {r['moves']:.3f} | {r['moves'] / floor:.1f} |",
             f"| p99 of all patches | {r['p99']:.3f} | {r['p99'] / floor:.1f} |",
             f"| a jump to a random place (scroll to rows drawn, via the kernel) | {r['jumps']:.1f} | "
             f"{r['jumps'] / floor:.0f} |"]
    lines.append(f"summary: a patch costs {r['drafts']:.2f} ms in place and {r['moves']:.2f} ms when rows shift "
                 f"at {r['size']:,} rows ({r['rows_per_patch']:.1f} rows per patch on average)")
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
