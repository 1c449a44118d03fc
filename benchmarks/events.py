"""Events: one Update event applied to ConversationBrowser's view, at several list sizes.

The time runs from the event reaching the browser to the patch for the front end being made
(and handed to the widget's comm): the row placed in the order and the view's window compared.
A view shows the first rows (a window of 60, as table.js asks for). The floor is a dict
assignment of the same Conversation (what any view must at least do); the target is under 5 ms
per event, independent of the number of rows. Half of the events touch a visible row (it moves
to the top: the window's rows all shift), half a row far down the list (nothing to send).
The browser's own cost of applying the patches is measured by benchmarks/browser.py.

    python benchmarks/events.py --sizes 1000 10000 100000
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from _populate import populate
from timconv_nb import Client, ConvEvent
from timconv_nb.widgets import ConversationBrowser

log = logging.getLogger("benchmarks.events")

WINDOW = 60  # the rows a view of 12 visible rows asks for, with its margins


def measure(size: int, events: int, folder: Path) -> dict:
    with Client(folder / f"data{size}", replace=True) as client:
        client.login("bench")
        populate(client, size)
        browser = ConversationBrowser(client)
        # A view of the table asks for its window, as table.js does through the widget's comm.
        browser.table.comm.handle_msg({"content": {"data": {"method": "custom", "content": {
            "type": "window", "view": "bench", "start": 0, "stop": WINDOW}}}, "buffers": []})
        conversations = client.conversation_list()
        rng = random.Random(size)
        floor_store: dict = {}
        samples, floor = [], []
        for i in range(events):
            conv = conversations[rng.randrange(0, min(size, WINDOW))] if i % 2 else rng.choice(conversations)
            active = (conv.active_time or conv.active_time) + timedelta(seconds=i + 1)
            updated = dataclasses.replace(conv, active_time=active, unread=conv.unread + 1)
            start = time.perf_counter()
            browser.apply_event(ConvEvent.UPDATE, [updated])
            samples.append(time.perf_counter() - start)
            start = time.perf_counter()
            floor_store[updated.key] = updated
            floor.append(time.perf_counter() - start)
        assert browser.table.get(updated.key) is updated  # the view holds what the last event said
        browser.close()
    ordered = sorted(samples)
    return {"size": size, "median": statistics.median(samples), "p99": ordered[int(len(ordered) * 0.99)],
            "floor": statistics.median(floor)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--events", type=int, default=200)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("timconv_nb").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder:
        rows = [measure(size, args.events, Path(folder)) for size in args.sizes]
    lines = [f"one Update event applied to the browser ({args.events} events per size; ms)",
             "| rows | median | p99 | floor (dict update) |", "| ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['size']:,} | {r['median'] * 1e3:.2f} | {r['p99'] * 1e3:.2f} | {r['floor'] * 1e3:.4f} |"
              for r in rows]
    growth = rows[-1]["median"] / rows[0]["median"]
    lines.append(f"summary: median {rows[-1]['median'] * 1e3:.2f} ms at {rows[-1]['size']:,} rows, "
                 f"{growth:.2f}x the median at {rows[0]['size']:,} rows")
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
