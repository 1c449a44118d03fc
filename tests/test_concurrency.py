"""Concurrency (issue #7): 8 threads making 10,000 mixed calls each with event handlers attached,
while another process delivers messages; and TIMUninit (and Client.close) while calls and events
are in flight. Every accepted call calls back exactly once, no callback comes after TIMUninit has
returned, and the final state equals a model of the same operations."""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from conftest import RawEngine
from test_messages import Peer
from timconv_nb import Client, native

C2C = 1
STAR = 1
THREADS = 8
#: Calls per thread: 10,000 in the suite (TIMCONV_CALLS_PER_THREAD to change it).
CALLS = int(os.environ.get("TIMCONV_CALLS_PER_THREAD", "10000"))
IN_FLIGHT = 200  # calls a thread may have waiting for their callback
DRAFT = b'{"draft_msg": {"message_elem_array": [{"elem_type": 0, "text_elem_content": "d"}]}}'


@dataclass
class Model:
    """One thread's conversations as its calls leave them (threads never share conversations)."""

    exists: set = field(default_factory=set)
    drafts: set = field(default_factory=set)
    pinned: set = field(default_factory=set)
    starred: set = field(default_factory=set)
    adds: int = 0

    def forget(self, conv: str) -> None:
        for group in (self.exists, self.drafts, self.pinned, self.starred):
            group.discard(conv)


class Calls:
    """Counts every callback by call id, so a second callback or a missing one shows."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.answers: Counter = Counter()
        self.mismatches: list[str] = []

    def done(self, call_id: str, expected_code: int, slots: threading.Semaphore):
        def on_done(code: int, desc: str, payload: str) -> None:
            with self.lock:
                self.answers[call_id] += 1
                if code != expected_code:
                    self.mismatches.append(f"{call_id}: {code} ({desc}), expected {expected_code}")
            slots.release()
        return on_done


def worker(lib: native.NativeLibrary, index: int, model: Model, calls: Calls, errors: list) -> None:
    rng = random.Random(index)
    slots = threading.Semaphore(IN_FLIGHT)
    convs = [f"t{index}c{k}" for k in range(20)]
    try:
        for n in range(CALLS):
            conv = rng.choice(convs)
            key = conv.encode()
            roll = rng.random()
            call_id = f"{index}-{n}"
            if roll < 0.30:
                slots.acquire()
                if conv not in model.exists:
                    model.adds += 1
                model.exists.add(conv)
                assert lib.call("TIMConvCreate", key, C2C, on_done=calls.done(call_id, 0, slots)) == 0
            elif roll < 0.40:
                slots.acquire()
                expected = 0 if conv in model.exists else 6004
                model.forget(conv)
                assert lib.call("TIMConvDelete", key, C2C, on_done=calls.done(call_id, expected, slots)) == 0
            elif roll < 0.60:
                # Synchronous: accepted exactly when the conversation exists once the thread's
                # earlier calls have run (the engine counts queued creates and deletes).
                result = lib.lib.TIMConvSetDraft(key, C2C, DRAFT)
                assert result == (0 if conv in model.exists else -5), (call_id, result)
                if result == 0:
                    model.drafts.add(conv)
            elif roll < 0.70:
                result = lib.lib.TIMConvCancelDraft(key, C2C)
                assert result == (0 if conv in model.exists else -5), (call_id, result)
                model.drafts.discard(conv)
            elif roll < 0.85:
                slots.acquire()
                pinned = rng.random() < 0.5
                expected = 0 if conv in model.exists else 6004
                if conv in model.exists:
                    (model.pinned.add if pinned else model.pinned.discard)(conv)
                assert lib.call("TIMConvPinConversation", key, C2C, pinned,
                                on_done=calls.done(call_id, expected, slots)) == 0
            else:
                slots.acquire()
                star = rng.random() < 0.5
                if conv in model.exists:
                    (model.starred.add if star else model.starred.discard)(conv)
                assert lib.call("TIMConvMarkConversation", json.dumps([f"c2c_{conv}"]).encode(), STAR, star,
                                on_done=calls.done(call_id, 0, slots)) == 0
        for _ in range(IN_FLIGHT):  # wait for this thread's last callbacks
            assert slots.acquire(timeout=60), "callbacks stopped coming"
    except BaseException as exc:  # reported by the main thread
        errors.append(exc)


def test_8_threads_of_mixed_calls_with_events_and_another_process(tmp_path: Path) -> None:
    lib = native.open_library()
    raw = RawEngine(lib, tmp_path)
    events: Counter = Counter()
    events_lock = threading.Lock()

    def on_event(kind: int, payload: str) -> None:
        with events_lock:
            events[kind] += len(json.loads(payload))

    messages: list[str] = []
    assert raw.init() == 0
    try:
        raw.login("alice")
        lib.set_handler("conv_event", on_event)
        lib.set_handler("recv_msg", lambda payload: messages.extend(m["message_sender"] for m in json.loads(payload)))
        peer = Peer(tmp_path, "bob")  # another process, delivering to alice while the threads run
        models = [Model() for _ in range(THREADS)]
        calls = Calls()
        errors: list = []
        threads = [threading.Thread(target=worker, args=(lib, i, models[i], calls, errors)) for i in range(THREADS)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        sent = 0
        while any(thread.is_alive() for thread in threads) and sent < 50:
            peer.command(f"send alice hello {sent}", "sent")
            sent += 1
        for thread in threads:
            thread.join(timeout=300)
        assert not any(thread.is_alive() for thread in threads), "the calls did not finish in 5 minutes"
        elapsed = time.monotonic() - started
        assert errors == [], errors[:3]
        peer.close()

        assert calls.mismatches == [], calls.mismatches[:5]
        accepted_async = sum(calls.answers.values())
        assert set(calls.answers.values()) == {1}, "a call called back more than once"
        stored = {c["conv_id"]: c for c in raw.conv_list() if c["conv_id"] != "bob"}
        for index, model in enumerate(models):
            mine = {conv_id: c for conv_id, c in stored.items() if conv_id.startswith(f"t{index}c")}
            assert set(mine) == model.exists, index
            assert {c for c in mine if mine[c]["conv_is_has_draft"]} == model.drafts, index
            assert {c for c in mine if mine[c]["conv_is_pinned"]} == model.pinned, index
            assert {c for c in mine if STAR in mine[c]["conv_mark_array"]} == model.starred, index
        assert sent > 0
        deadline = time.monotonic() + 10
        while len(messages) < sent and time.monotonic() < deadline:
            time.sleep(0.05)
        assert messages == ["bob"] * sent  # every delivered message announced once
        (bob,) = [c for c in raw.conv_list() if c["conv_id"] == "bob"]
        assert bob["conv_unread_num"] == sent
        with events_lock:
            assert events[0] == sum(m.adds for m in models) + 1  # the Add events: ours, and bob's
        print(f"{THREADS} threads x {CALLS} calls ({accepted_async} async) and {sent} deliveries in {elapsed:.1f} s")
    finally:
        lib.lib.TIMUninit()
        lib.set_handler("conv_event", None)
        lib.set_handler("recv_msg", None)
        lib.set_log_handler(None)


def test_uninit_while_calls_and_events_are_in_flight(tmp_path: Path) -> None:
    for round_number in range(5):
        uninit_in_flight_round(tmp_path, round_number)


def uninit_in_flight_round(tmp_path: Path, round_number: int) -> None:
    """One round: four threads calling while TIMUninit runs, a little later each round."""
    lib = native.open_library()
    raw = RawEngine(lib, tmp_path / f"round{round_number}")
    uninit_returned = threading.Event()
    late: list[str] = []
    answered = Counter()
    accepted = Counter()
    lock = threading.Lock()

    def on_event(kind: int, payload: str) -> None:
        if uninit_returned.is_set():
            late.append("event")

    assert raw.init() == 0
    raw.login("alice")
    lib.set_handler("conv_event", on_event)
    stop = threading.Event()

    def caller(index: int) -> None:
        n = 0
        while not stop.is_set():
            call_id = f"{index}-{n}"

            def on_done(code: int, desc: str, payload: str, call_id: str = call_id) -> None:
                if uninit_returned.is_set():
                    late.append(call_id)
                with lock:
                    answered[call_id] += 1

            result = lib.call("TIMConvCreate", f"t{index}c{n}".encode(), C2C, on_done=on_done)
            if result == 0:
                with lock:
                    accepted[call_id] += 1
            else:
                assert result in (-1, -2), result  # refused once TIMUninit began (or the login ended)
            n += 1

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.05 + 0.05 * round_number)
    assert lib.lib.TIMUninit() == 0
    uninit_returned.set()
    stop.set()
    for thread in threads:
        thread.join(10)
    time.sleep(0.1)
    lib.set_handler("conv_event", None)
    lib.set_log_handler(None)
    assert late == [], late[:5]
    assert sum(accepted.values()) > 0 and answered == accepted  # every accepted call answered, once
    assert lib.pending_callbacks == 0


def test_client_close_from_another_thread_under_load(tmp_path: Path) -> None:
    client = Client(tmp_path)
    client.login("alice")
    client.on("add", lambda event, convs: None)
    failures: list[BaseException] = []

    def busy() -> None:
        for n in range(100_000):
            try:
                client.create_conversation(f"c{n}")
            except Exception as exc:  # once closed: refused with a TIMError, nothing else
                if not client.closed:
                    failures.append(exc)
                return

    worker_thread = threading.Thread(target=busy)
    worker_thread.start()
    time.sleep(0.2)
    client.close()
    worker_thread.join(10)
    assert not worker_thread.is_alive() and failures == []
    assert client.native.pending_callbacks == 0
    with Client(tmp_path) as reopened:  # and the store is whole
        reopened.login("alice")
        assert len(reopened.conversation_list()) > 0
