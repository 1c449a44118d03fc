"""Builds large conversation lists fast for the benchmarks, through the public C API: calls are
pipelined (many accepted before the first callback) and every conversation is a group the user
makes (TIMGroupCreate) and sends to, so no peer stores are created. Shape: 80% with a last
message, 10% with a draft, 5% pinned."""

from __future__ import annotations

import json
import threading

from timconv_nb import Client
from timconv_nb.native import ffi

TEXT = json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": "benchmark message"}]}).encode()
DRAFT = json.dumps({"draft_msg": {"message_elem_array": [{"elem_type": 0, "text_elem_content": "draft"}]},
                    "draft_user_define": "bench"}).encode()


def populate(client: Client, count: int) -> None:
    """Adds `count` conversations to the logged-in user's store."""
    native = client.native
    with_message = [i % 10 < 8 for i in range(count)]  # 80% get a message
    pending = threading.Semaphore(5000)  # bounds what is queued at once
    done = threading.Event()
    remaining = [count + sum(with_message)]
    failures: list[str] = []
    lock = threading.Lock()

    def finished(code: int, desc: str, payload: str) -> None:
        pending.release()
        with lock:
            if code != 0:
                failures.append(desc)
            remaining[0] -= 1
            if remaining[0] == 0:
                done.set()

    for i in range(count):
        conv_id = f"g{i:07d}"
        create = json.dumps({"create_group_param_group_name": conv_id, "create_group_param_group_id": conv_id,
                             "create_group_param_group_type": 2}).encode()
        pending.acquire()
        assert native.call("TIMGroupCreate", create, on_done=finished) == 0
        if with_message[i]:
            pending.acquire()
            assert native.call("TIMMsgSendMessage", conv_id.encode(), 2, TEXT, ffi.NULL, on_done=finished) == 0
    if count:
        done.wait()
    assert not failures, failures[:3]
    lib = native.lib
    for i in range(0, count, 10):  # 10% drafts
        assert lib.TIMConvSetDraft(f"g{i:07d}".encode(), 2, DRAFT) == 0
    for i in range(0, count, 20):  # 5% pinned
        client.pin(f"g{i:07d}", "group")

