"""History: a page of 50 older messages at several depths, and a keyword search, against floors
measured in the same run (docs/performance.md, "History").

* Paging: ``TIMMsgGetMsgList`` from a message at depth d (0, 10,000, 100,000 of a history of
  --messages), timed through the binding, against its own keyset query run bare on the same
  store with Python's sqlite3 (the least SQLite needs to produce that page).
* Search: ``TIMMsgSearchLocalMessages`` for a keyword in one conversation's history, against the
  bare FTS5 query (``message_fts MATCH``) joined to the messages it finds, on the same store.

Each measurement alternates with its floor, --repeats rounds; the table gives medians and the
median of the rounds' ratios.

    python benchmarks/history.py --messages 200000
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path

from timconv_nb import Client, native

START = 1_700_000_000
WORDS = ["apple", "banana", "cherry", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]


def seed(client: Client, count: int) -> None:
    """count messages to bob, a second apart, queued without waiting for each callback."""
    lib = client.native
    done = threading.Semaphore(0)
    for i in range(count):
        if i % 1000 == 0:
            lib.lib.timconv_set_clock(START + i)
        text = f"{WORDS[i % 10]} {WORDS[(i // 10) % 10]} message {i}"
        if i % 997 == 0:
            text += " needle"
        body = json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": text}]}).encode()
        lib.call("TIMMsgSendMessage", b"bob", 1, body, native.ffi.NULL, on_done=lambda *reply: done.release())
        if i % 5000 == 4999:
            for _ in range(5000):
                done.acquire()
    for _ in range(count % 5000):
        done.acquire()
    lib.lib.timconv_set_clock(0)


def engine_call(client: Client, name: str, *args: bytes) -> tuple[float, str]:
    done, reply = threading.Event(), []
    began = time.perf_counter()
    client.native.call(name, *args, on_done=lambda code, desc, payload: (reply.append(payload), done.set()))
    done.wait(60)
    return time.perf_counter() - began, reply[0]


def bare(db: sqlite3.Connection, sql: str, params: tuple) -> float:
    began = time.perf_counter()
    db.execute(sql, params).fetchall()
    return time.perf_counter() - began


PAGE_SQL = ("SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM (SELECT msg FROM message"
            " WHERE conv_type = 1 AND conv_id = 'bob' AND (time, seq) < (?, ?) ORDER BY time DESC, seq DESC LIMIT 50)")
SEARCH_SQL = ("SELECT m.msg FROM message_fts f JOIN message_search s ON s.id = f.rowid JOIN message m"
              " ON m.conv_type = s.conv_type AND m.conv_id = s.conv_id AND m.seq = s.seq"
              " WHERE message_fts MATCH ? AND s.conv_type = 1 AND s.conv_id = 'bob'"
              " ORDER BY s.time DESC, s.seq DESC LIMIT 50")


def rounds(repeats: int, measure, floor) -> tuple[float, float, float]:
    times, floors, ratios = [], [], []
    for _ in range(repeats):
        t, f = measure(), floor()
        times.append(t), floors.append(f), ratios.append(t / f)
    return statistics.median(times), statistics.median(floors), statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Client(Path(folder)) as client:
        client.login("alice")
        began = time.perf_counter()
        seed(client, args.messages)
        print(f"seeded {args.messages} messages in {time.perf_counter() - began:.1f} s")
        store = next(Path(folder).glob(f"timconv/*/{b'alice'.hex()}/store.db"))
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        print(f"{'measurement':<34}{'engine ms':>10}{'floor ms':>10}{'ratio':>8}")
        for depth in (0, 10_000, 100_000):
            if depth >= args.messages:
                continue
            seq = args.messages - depth
            time_of = db.execute("SELECT time FROM message WHERE conv_id = 'bob' AND seq = ?", (seq,)).fetchone()[0]
            msg_id = db.execute("SELECT msg_id FROM message WHERE conv_id = 'bob' AND seq = ?", (seq,)).fetchone()[0]
            param = json.dumps({"msg_getmsglist_param_count": 50, "msg_getmsglist_param_last_msg":
                                {"message_msg_id": msg_id}}).encode()
            t, f, r = rounds(args.repeats,
                             lambda param=param: engine_call(client, "TIMMsgGetMsgList", b"bob", 1, param)[0],
                             lambda key=(time_of, seq): bare(db, PAGE_SQL, key))
            print(f"{f'page of 50 at depth {depth:,}':<34}{t * 1e3:>10.2f}{f * 1e3:>10.2f}{r:>8.2f}")
        search = json.dumps({"msg_search_param_keyword_array": ["needle"], "msg_search_param_conv_id": "bob",
                             "msg_search_param_conv_type": 1, "msg_search_param_page_size": 50}).encode()
        t, f, r = rounds(args.repeats, lambda: engine_call(client, "TIMMsgSearchLocalMessages", search)[0],
                         lambda: bare(db, SEARCH_SQL, ('"needle"',)))
        print(f"{f'search of {args.messages:,} messages':<34}{t * 1e3:>10.2f}{f * 1e3:>10.2f}{r:>8.2f}")
        db.close()


if __name__ == "__main__":
    main()
