"""Listing: ``Client.conversations()`` against floors measured in the same run.

* Python floor: fetch the raw JSON with TIMConvGetConvList and parse it with the fastest JSON
  parser available (orjson when installed, else json), with Python's cyclic garbage collector
  paused as the client pauses it: what any wrapper must at least pay.
* Engine floor: one ``SELECT json_group_array(json_object(...))`` over the same rows with
  Python's sqlite3: the least SQLite needs to produce that much JSON. Compared with the
  engine's own TIMConvGetConvList (callback JSON ready).

Each measurement is the median of --repeats runs. Also reports peak RSS growth while listing and
the DataFrame's size next to the JSON's.

    python benchmarks/listing.py --sizes 1000 10000 100000
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import resource
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path

from _populate import populate

from timconv_nb import Client

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
  'conv_draft', json(draft), 'conv_recv_opt', recv_opt, 'conv_is_pinned', json(CASE WHEN pinned THEN 'true' ELSE 'false' END),
  'conv_show_name', show_name, 'conv_face_url', face_url, 'conv_mark_array', json(mark_array),
  'conv_custom_data', custom_data, 'conv_conversation_group_array', json(group_array),
  'conv_group_at_info_array', json('[]')))
FROM (SELECT * FROM conversation ORDER BY pinned DESC, active_order DESC)"""


def median_seconds(action, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def raw_list(client: Client) -> str:
    done = threading.Event()
    out: list[str] = []
    client.native.call("TIMConvGetConvList", on_done=lambda code, desc, payload: (out.append(payload), done.set()))
    done.wait()
    return out[0]


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(size: int, repeats: int, folder: Path) -> dict:
    with Client(folder / f"data{size}", replace=True) as client:
        client.login("bench")
        populate(client, size)
        (store,) = (folder / f"data{size}").glob("timconv/*/*/store.db")
        raw = raw_list(client)
        engine = median_seconds(lambda: raw_list(client), repeats)
        floor = median_seconds(lambda: parse_gc_paused(raw_list(client)), repeats)
        rss_before = peak_rss_kib()
        frame = client.conversations()
        rss_growth = peak_rss_kib() - rss_before
        listing = median_seconds(client.conversations, repeats)
        db = sqlite3.connect(store)
        sql_floor = median_seconds(lambda: db.execute(FLOOR_SQL).fetchone(), repeats)
        db.close()
        return {
            "size": size,
            "conversations()": listing,
            "python floor": floor,
            "engine list": engine,
            "sql floor": sql_floor,
            "json MB": len(raw.encode()) / 1e6,
            "frame MB": frame.memory_usage(deep=True).sum() / 1e6,
            "rss growth MB": rss_growth / 1024,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("timconv_nb").setLevel(logging.WARNING)
    rows = []
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder:
        for size in args.sizes:
            rows.append(measure(size, args.repeats, Path(folder)))
    lines = [
        f"listing (medians of {args.repeats}; Python floor parses with {PARSER})",
        "| conversations | conversations() s | Python floor s | ratio | engine list s | SQL floor s | ratio | JSON MB | frame MB | peak RSS growth MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['conversations()']:.4f} | {r['python floor']:.4f} | "
            f"{r['conversations()'] / r['python floor']:.2f}x | {r['engine list']:.4f} | {r['sql floor']:.4f} | "
            f"{r['engine list'] / r['sql floor']:.2f}x | {r['json MB']:.1f} | {r['frame MB']:.1f} | {r['rss growth MB']:.1f} |"
        )
    last = rows[-1]
    lines.append(f"summary: at {last['size']:,} conversations, conversations() is "
                 f"{last['conversations()'] / last['python floor']:.2f}x the Python floor and the engine's list "
                 f"{last['engine list'] / last['sql floor']:.2f}x the SQL floor")
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
