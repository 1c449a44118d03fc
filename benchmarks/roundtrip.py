"""Round trips through the sync Python API, against a floor measured in the same run.

For each operation: operations per second, median and p99 latency over --count calls. The
floor is one autocommit upsert through Python's sqlite3 in WAL mode (synchronous=NORMAL, as
the engine), the least a durable write from Python costs on this machine. Ratios are the
operation's median over the floor's median.

Then sustained throughput: --count sync calls of each write made by --threads threads at once,
from the first call to the last answer: the engine then shares one transaction between the
writes queued behind each other.

Messages: a C2C send one at a time through the sync API against its own SQLite transactions made
from Python (the sender's and the recipient's store: the message row and the conversation row in
each), the two timed in turn in ten rounds (the ratio is the median of the rounds' ratios), and
sends sustained through the binding (--count sends, at most 5,000 waiting at once): answered into
an AnswerQueue that an asyncio loop takes in batches (as the client's awaited calls are), answered
by a Python callback each on the engine's thread, and made through the client's send_text_async.

    python benchmarks/roundtrip.py            # 10,000 calls per operation
    python benchmarks/roundtrip.py --count 500
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import logging
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from timconv_nb import Client
from timconv_nb.completions import AnswerQueue

log = logging.getLogger("benchmarks.roundtrip")


def timed(operation: Callable[[int], object], count: int) -> list[float]:
    """Seconds each of `count` calls took."""
    samples = []
    for i in range(count):
        start = time.perf_counter()
        operation(i)
        samples.append(time.perf_counter() - start)
    return samples


def sustained_rate(operation: Callable[[int], object], count: int, threads: int) -> float:
    """Calls per second when `threads` threads make `count` sync calls in all, at once."""
    share = count // threads

    def run(first: int) -> None:
        for i in range(first, first + share):
            operation(i)

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(run, range(0, share * threads, share)))
    return share * threads / (time.perf_counter() - start)


def summary(name: str, samples: list[float], floor_median: float) -> str:
    ordered = sorted(samples)
    median = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    rate = len(samples) / sum(samples)
    return f"| {name} | {rate:,.0f} | {median * 1e6:.1f} | {p99 * 1e6:.1f} | {median / floor_median:.2f}x |"


def floor_samples(folder: Path, count: int) -> list[float]:
    db = sqlite3.connect(folder / "floor.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
    upsert = "INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v"
    samples = timed(lambda i: db.execute(upsert, (f"peer{i}", "draft")), count)
    db.close()
    return samples


def create_floor_samples(folder: Path, count: int) -> list[float]:
    """The writes the engine's create makes (next activation order, insert into the table and
    its list index), as one transaction through Python's sqlite3: the least a new conversation
    costs SQLite here, with no thread crossing."""
    db = sqlite3.connect(folder / "create_floor.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID")
    db.execute("INSERT INTO meta VALUES ('active_order', 0)")
    db.execute("CREATE TABLE conversation (conv_type INTEGER, conv_id TEXT, active_time INTEGER, active_order INTEGER,"
               " pinned INTEGER DEFAULT 0, show_name TEXT, PRIMARY KEY (conv_type, conv_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX conversation_list_order ON conversation (pinned DESC, active_order DESC)")

    def create(i: int) -> None:
        db.execute("BEGIN IMMEDIATE")
        (order,) = db.execute("UPDATE meta SET value = value + 1 WHERE key = 'active_order' RETURNING value").fetchone()
        db.execute("INSERT INTO conversation (conv_type, conv_id, active_time, active_order, show_name)"
                   " VALUES (1, ?, 0, ?, ?)", (f"peer{i}", order, f"peer{i}"))
        db.execute("COMMIT")

    samples = timed(create, count)
    db.close()
    return samples


MESSAGE = ('{"message_elem_array":[{"elem_type":0,"text_elem_content":"hello"}],"message_client_time":1796155739,'
           '"message_priority":1,"message_platform":0,"message_custom_str":"","message_custom_int":0,'
           '"message_conv_id":"bob","message_conv_type":1,"message_sender":"alice","message_server_time":1796155739,'
           '"message_is_from_self":true,"message_is_read":true,"message_status":2,'
           '"message_msg_id":"4232286508847866844-1796155739-138487233","message_seq":1,"message_rand":138487233,'
           '"message_unique_id":4232286508847866844,"message_is_peer_read":false,"message_is_online_msg":false}')
SUMMARY = ('{"message_elem_array":[{"elem_type":0,"text_elem_content":"hello"}],"message_sender":"alice",'
           '"message_server_time":1796155739,"message_status":2}')


def send_floor(folder: Path) -> tuple[Callable[[int], None], list[sqlite3.Connection]]:
    """The writes a C2C send makes, as the engine's two transactions (the sender's store, then the
    recipient's) through Python's sqlite3: each takes the next activation order, inserts the
    message row, and updates the conversation's row (last message, its summary, activity, unread).
    Returns that send and the two connections (for the caller to close)."""
    stores = []
    for name in ("sender", "recipient"):
        db = sqlite3.connect(folder / f"send_floor_{name}.db", isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID")
        db.execute("INSERT INTO meta VALUES ('active_order', 0)")
        db.execute("CREATE TABLE conversation (conv_type INTEGER, conv_id TEXT, active_time INTEGER,"
                   " active_order INTEGER, pinned INTEGER DEFAULT 0, unread INTEGER DEFAULT 0, last_msg TEXT,"
                   " last_summary TEXT, PRIMARY KEY (conv_type, conv_id)) WITHOUT ROWID")
        db.execute("CREATE INDEX conversation_list_order ON conversation (pinned DESC, active_order DESC)")
        db.execute("CREATE TABLE message (conv_type INTEGER, conv_id TEXT, seq INTEGER, msg TEXT,"
                   " PRIMARY KEY (conv_type, conv_id, seq)) WITHOUT ROWID")
        stores.append(db)

    def send(i: int) -> None:
        for unread, db in enumerate(stores):
            db.execute("BEGIN IMMEDIATE")
            (order,) = db.execute(
                "UPDATE meta SET value = value + 1 WHERE key = 'active_order' RETURNING value").fetchone()
            db.execute("INSERT INTO message VALUES (1, 'bob', (SELECT coalesce(max(seq), 0) + 1 FROM message"
                       " WHERE conv_type = 1 AND conv_id = 'bob'), ?)", (MESSAGE,))
            db.execute("INSERT INTO conversation (conv_type, conv_id, active_time, active_order, unread, last_msg,"
                       " last_summary) VALUES (1, 'bob', ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
                       " active_time = excluded.active_time, active_order = excluded.active_order,"
                       " unread = unread + excluded.unread, last_msg = excluded.last_msg,"
                       " last_summary = excluded.last_summary", (i, order, unread, MESSAGE, SUMMARY))
            db.execute("COMMIT")

    return send, stores


def paired_samples(floor: Callable[[int], object], operation: Callable[[int], object], count: int,
                   rounds: int = 10) -> tuple[list[float], list[float], float]:
    """The floor and the operation timed in turn, `rounds` times `count // rounds` calls each:
    both samples, and the median over the rounds of each round's ratio of medians (the machine's
    speed drifts during a run; taken in turn, both see the same drift)."""
    floor_samples: list[float] = []
    samples: list[float] = []
    ratios = []
    share = max(1, count // rounds)
    for r in range(rounds):
        first = r * share
        floor_round = timed(lambda i, first=first: floor(first + i), share)
        round_samples = timed(lambda i, first=first: operation(first + i), share)
        ratios.append(statistics.median(round_samples) / statistics.median(floor_round))
        floor_samples += floor_round
        samples += round_samples
    return floor_samples, samples, statistics.median(ratios)


SEND_WINDOW = 5000  # sends waiting at once
#: What the sustained sends send (as send_text builds it).
TEXT_MESSAGE = json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": "hello"}]})


def callback_sends(client: Client, count: int, conv_id: str, conv_type: int) -> float:
    """Sends per second when `count` sends are queued through the binding (at most SEND_WINDOW
    waiting), each answered by a Python callback on the engine's thread (NativeLibrary.call)."""
    text = TEXT_MESSAGE.encode()
    room = threading.Semaphore(SEND_WINDOW)
    answered = threading.Semaphore(0)
    start = time.perf_counter()
    for _ in range(count):
        room.acquire()
        assert client.native.call("TIMMsgSendMessage", conv_id.encode(), conv_type, text, None,
                                  on_done=lambda code, desc, json_text: (room.release(), answered.release())) == 0
    for _ in range(count):
        answered.acquire()
    return count / (time.perf_counter() - start)


async def windowed(count: int, send: Callable[[Callable[[], None]], None]) -> float:
    """Sends per second when `count` sends are made on this loop, at most SEND_WINDOW waiting: a
    new one starts as each is answered. ``send(answered)`` makes one send; its answer calls
    ``answered()`` on the loop."""
    finished = asyncio.get_running_loop().create_future()
    made = answers = 0

    def answered() -> None:
        nonlocal made, answers
        answers += 1
        if made < count:
            made += 1
            send(answered)
        elif answers == count:
            finished.set_result(None)

    start = time.perf_counter()
    made = min(SEND_WINDOW, count)
    for _ in range(made):
        send(answered)
    await finished
    return count / (time.perf_counter() - start)


async def answered_sends(client: Client, count: int, conv_id: str, conv_type: int) -> float:
    """Sends per second through the binding answered into an AnswerQueue that the loop takes in
    batches (NativeLibrary.call_answered: the engine's thread never enters Python)."""
    loop = asyncio.get_running_loop()
    answers = AnswerQueue()
    loop.add_reader(answers.fd, answers.take)
    text = TEXT_MESSAGE.encode()

    def send(answered: Callable[[], None]) -> None:
        assert client.native.call_answered("TIMMsgSendMessage", conv_id.encode(), conv_type, text, None,
                                           answers=answers, on_done=lambda reply: answered()) == 0

    try:
        return await windowed(count, send)
    finally:
        loop.remove_reader(answers.fd)
        answers.close()


async def awaited_sends(client: Client, count: int, conv_id: str, conv_type: int) -> float:
    """Sends per second through the client's awaited API (send_text_async: arguments built and
    checked, each answer parsed into a Message)."""
    loop = asyncio.get_running_loop()

    def send(answered: Callable[[], None]) -> None:
        loop.create_task(client.send_text_async(conv_id, "hello", conv_type)).add_done_callback(
            lambda task: (task.result(), answered()))

    return await windowed(count, send)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="calls per operation")
    parser.add_argument("--threads", type=int, default=8, help="threads calling at once, for sustained rates")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with tempfile.TemporaryDirectory(prefix="timconv-bench-") as folder:
        floor = floor_samples(Path(folder), args.count)
        floor_median = statistics.median(floor)
        create_floor = create_floor_samples(Path(folder), args.count)
        floor_send, floor_stores = send_floor(Path(folder))
        with Client(Path(folder) / "data", replace=True) as client:
            client.login("bench")
            operations = {
                "create (new)": lambda i: client.create_conversation(f"peer{i}"),
                "create (existing)": lambda i: client.create_conversation(f"peer{i}"),
                "set draft": lambda i: client.set_draft(f"peer{i}", "draft"),
                "get one": lambda i: client.conversation(f"peer{i}"),
                "pin": lambda i: client.pin(f"peer{i}", pinned=bool(i % 2)),
                "cancel draft": lambda i: client.cancel_draft(f"peer{i}"),
            }
            results = {}
            for name, operation in operations.items():
                results[name] = timed(operation, args.count)
                # The draft calls return before their writes run: let those finish before the
                # next operation is timed, so it does not wait behind them.
                client.total_unread()
            send_floor_samples, results["send (C2C)"], send_ratio = paired_samples(
                floor_send, lambda i: client.send_text("bob", "hello"), args.count)
            for db in floor_stores:
                db.close()
            sustained = {
                "create (new)": lambda i: client.create_conversation(f"burst{i}"),
                "set draft": lambda i: client.set_draft(f"burst{i}", "draft"),
                "cancel draft": lambda i: client.cancel_draft(f"burst{i}"),
                "pin": lambda i: client.pin(f"burst{i}", pinned=bool(i % 2)),
            }
            rates = {name: sustained_rate(operation, args.count, args.threads) for name, operation in sustained.items()}
            client.create_group("Team", "team", "work")
            sends = {
                "sends answered into a queue (C2C)": asyncio.run(answered_sends(client, args.count, "carol", 1)),
                "sends answered into a queue (a group of one)":
                    asyncio.run(answered_sends(client, args.count, "team", 2)),
                "sends, a Python callback each (C2C)": callback_sends(client, args.count, "carol", 1),
                "sends, a Python callback each (a group of one)": callback_sends(client, args.count, "team", 2),
                "send_text_async (C2C)": asyncio.run(awaited_sends(client, args.count, "carol", 1)),
                "send_text_async (a group of one)": asyncio.run(awaited_sends(client, args.count, "team", 2)),
            }
            client.total_unread()
    lines = [
        f"round trips, {args.count:,} calls each (latencies in microseconds)",
        "| operation | ops/s | median | p99 | median / floor |",
        "| --- | ---: | ---: | ---: | ---: |",
        summary("floor: sqlite3 upsert (WAL)", floor, floor_median),
        summary("floor: the create transaction in sqlite3", create_floor, floor_median),
        summary("floor: a C2C send's two transactions in sqlite3", send_floor_samples, floor_median),
    ]
    lines += [summary(name, samples, floor_median) for name, samples in results.items()]
    lines += ["", f"sustained: {args.threads} threads making sync calls at once",
              "| operation | ops/s | vs the floor's ops/s |", "| --- | ---: | ---: |"]
    floor_rate = len(floor) / sum(floor)
    lines += [f"| {name} | {rate:,.0f} | {rate / floor_rate:.2f}x |" for name, rate in rates.items()]
    lines += [f"| {name} | {rate:,.0f} | {rate / floor_rate:.2f}x |" for name, rate in sends.items()]
    worst = max(statistics.median(s) for s in results.values())
    queued = [rate for name, rate in sends.items() if name.startswith("sends answered")]
    callbacks = [rate for name, rate in sends.items() if "callback" in name]
    awaited = [rate for name, rate in sends.items() if name.startswith("send_text_async")]
    lines.append(f"summary: slowest operation's median is {worst / floor_median:.2f}x the floor's; a new "
                 f"conversation {statistics.median(results['create (new)']) / statistics.median(create_floor):.2f}x "
                 f"its own transaction's; sustained writes {min(rates.values()):,.0f} to {max(rates.values()):,.0f}"
                 f" ops/s; a C2C send {send_ratio:.2f}x its own transactions' (timed in turn),"
                 f" sends through the binding answered into a queue {min(queued):,.0f} to {max(queued):,.0f}/s"
                 f" (a Python callback each: {min(callbacks):,.0f} to {max(callbacks):,.0f}/s;"
                 f" send_text_async: {min(awaited):,.0f} to {max(awaited):,.0f}/s)")
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
