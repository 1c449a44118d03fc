"""Listing: ``Client.conversations()`` against floors measured in the same run.

* Python floor: fetch the raw JSON with TIMConvGetConvList and parse it with the fastest JSON
  parser available (orjson when installed, else json), with Python's cyclic garbage collector
  paused as the client pauses it: what any wrapper must at least pay. ``conversations()`` on
  the local engine lists through the engine's columns (timconv_conv_list_columns).
* The vendor path: ``conversations_frame`` fed the same TIMConvGetConvList JSON (what Tencent's
  library gives), against ``orjson.loads`` of it.
* Engine floor: one ``SELECT json_group_array(json_object(...))`` over the same rows with
  Python's sqlite3: the least SQLite needs to produce that much JSON. Compared with the
  engine's own TIMConvGetConvList (callback JSON ready).
* Memory: the growth of the peak RSS of a fresh process over one ``conversations()`` (Linux's
  VmHWM, reset first), against the frame's own size (``memory_usage(deep=True)``).

Each measurement is timed in turn with its floor, --repeats rounds: the table gives the medians,
and each ratio is the median of the rounds' ratios (the machine's speed drifts within a run).

    python benchmarks/listing.py --sizes 1000 10000 100000
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _populate import populate
from timconv_nb import Client
from timconv_nb.frames import conversations_frame

try:
    import orjson

    def fast_loads(text: str):
        return orjson.loads(text)

    PARSER = "orjson"
except ImportError:  # the floor then uses the standard library, as the client does
    fast_loads = json.loads
    PARSER = "json"

log = logging.getLogger("benchmarks.listing")


def parse_gc_paused(text: str):
    """The floor's parse: as the client's, with the cyclic garbage collector paused."""
    gc.disable()
    try:
        return fast_loads(text)
    finally:
        gc.enable()

FLOOR_SQL = """SELECT json_group_array(json_object(
  'conv_id', conv_id, 'conv_type', conv_type, 'conv_owner', 'bench', 'conv_unread_num', unread,
  'conv_active_time', active_time, 'conv_is_has_lastmsg', json(CASE WHEN last_msg IS NULL THEN 'false' ELSE 'true' END),
  'conv_last_msg', json(last_msg), 'conv_is_has_draft', json(CASE WHEN draft IS NULL THEN 'false' ELSE 'true' END),
  'conv_draft', json(draft), 'conv_recv_opt', recv_opt,
  'conv_is_pinned', json(CASE WHEN pinned THEN 'true' ELSE 'false' END),
  'conv_show_name', show_name, 'conv_face_url', face_url, 'conv_mark_array', json(mark_array),
  'conv_custom_data', custom_data, 'conv_conversation_group_array', json(group_array),
  'conv_group_at_info_array', json('[]')))
FROM (SELECT * FROM conversation ORDER BY pinned DESC, active_order DESC)"""


def seconds(action) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paired_seconds(action, floor, repeats: int) -> tuple[float, float, float]:
    """The action and its floor timed in turn, `repeats` times: the median of each, and the median
    of the rounds' ratios (this machine's speed drifts by a quarter within a minute; taken in turn,
    both see the same drift)."""
    samples, floor_samples = [], []
    for _ in range(repeats):
        samples.append(seconds(action))
        floor_samples.append(seconds(floor))
    ratio = statistics.median(a / b for a, b in zip(samples, floor_samples))
    return statistics.median(samples), statistics.median(floor_samples), ratio


def raw_list(client: Client) -> str:
    done = threading.Event()
    out: list[str] = []
    client.native.call("TIMConvGetConvList", on_done=lambda code, desc, payload: (out.append(payload), done.set()))
    done.wait()
    return out[0]


def status_mib(key: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    raise KeyError(key)


def memory_child(data: str) -> None:
    """In a fresh process: the peak RSS growth over one conversations(), and the frame's size."""
    with Client(data, replace=True) as client:
        client.login("bench")
        client.total_unread()  # the engine and the store are up
        gc.collect()
        before = status_mib("VmRSS")
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # resets VmHWM to the current RSS
        frame = client.conversations()
        growth = status_mib("VmHWM") - before
        print(json.dumps({"growth": growth, "frame": frame.memory_usage(deep=True).sum() / 2**20}))


def memory_growth(data: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--memory-child", str(data)], capture_output=True, text=True,
                         check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(size: int, repeats: int, folder: Path) -> dict:
    with Client(folder / f"data{size}", replace=True) as client:
        client.login("bench")
        populate(client, size)
        (store,) = (folder / f"data{size}").glob("timconv/*/*/store.db")
        raw = raw_list(client)
        listing, floor, listing_ratio = paired_seconds(client.conversations,
                                                       lambda: parse_gc_paused(raw_list(client)), repeats)
        vendor, loads, vendor_ratio = paired_seconds(lambda: conversations_frame(raw), lambda: parse_gc_paused(raw),
                                                     repeats)
        db = sqlite3.connect(store)
        engine, sql_floor, engine_ratio = paired_seconds(lambda: raw_list(client),
                                                         lambda: db.execute(FLOOR_SQL).fetchone(), repeats)
        db.close()
    memory = memory_growth(folder / f"data{size}")
    return {
        "size": size,
        "conversations()": listing,
        "python floor": floor,
        "vendor frame": vendor,
        "loads": loads,
        "engine list": engine,
        "sql floor": sql_floor,
        "listing ratio": listing_ratio,
        "vendor ratio": vendor_ratio,
        "engine ratio": engine_ratio,
        "json MB": len(raw.encode()) / 1e6,
        "frame MiB": memory["frame"],
        "growth MiB": memory["growth"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("timconv_nb").setLevel(logging.WARNING)
    rows = []
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder:
        for size in args.sizes:
            rows.append(measure(size, args.repeats, Path(folder)))
    lines = [
        f"listing (medians of {args.repeats}, each measurement timed in turn with its floor; a ratio is the median"
        f" of the rounds' ratios; the floors parse with {PARSER})",
        "| conversations | conversations() s | Python floor s | ratio | vendor JSON frame s | its loads s | ratio "
        "| engine list s | SQL floor s | ratio | JSON MB | frame MiB | peak growth MiB | / frame |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['conversations()']:.4f} | {r['python floor']:.4f} | "
            f"{r['listing ratio']:.2f}x | {r['vendor frame']:.4f} | {r['loads']:.4f} | "
            f"{r['vendor ratio']:.2f}x | {r['engine list']:.4f} | {r['sql floor']:.4f} | "
            f"{r['engine ratio']:.2f}x | {r['json MB']:.1f} | {r['frame MiB']:.1f} | "
            f"{r['growth MiB']:.1f} | {r['growth MiB'] / r['frame MiB']:.2f}x |"
        )
    last = rows[-1]
    lines.append(f"summary: at {last['size']:,} conversations, conversations() is "
                 f"{last['listing ratio']:.2f}x the Python floor, the vendor JSON's frame "
                 f"{last['vendor ratio']:.2f}x its orjson.loads, the engine's list "
                 f"{last['engine ratio']:.2f}x the SQL floor; listing's peak memory growth "
                 f"{last['growth MiB'] / last['frame MiB']:.2f}x the frame")
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
