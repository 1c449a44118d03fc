"""Builds large conversation lists fast for the benchmarks, through the public C API: calls are
pipelined (many accepted before the first callback) and messages go to group conversations,
so no peer stores are created. Shape: 80% with a last message, 10% with a draft, 5% pinned."""

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
    pending = threading.Semaphore(5000)  # bounds what is queued at once
    done = threading.Event()
    remaining = [count]
    lock = threading.Lock()

    def finished(code: int, desc: str, payload: str) -> None:
        assert code == 0, desc
        pending.release()
        with lock:
            remaining[0] -= 1
            if remaining[0] == 0:
                done.set()

    for i in range(count):
        pending.acquire()
        conv_id = f"g{i:07d}".encode()
        if i % 10 < 8:  # 80% get a message (which creates the conversation)
            result = native.call("TIMMsgSendMessage", conv_id, 2, TEXT, ffi.NULL, on_done=finished)
        else:
            result = native.call("TIMConvCreate", conv_id, 2, on_done=finished)
        assert result == 0
    if count:
        done.wait()
    lib = native.lib
    for i in range(0, count, 10):  # 10% drafts
        assert lib.TIMConvSetDraft(f"g{i:07d}".encode(), 2, DRAFT) == 0
    for i in range(0, count, 20):  # 5% pinned
        client.pin(f"g{i:07d}", "group")

