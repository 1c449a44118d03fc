"""The binding's completions through the real engine: a blocking call completes on a waiter (its
reply copied, or lent and read in place), an awaited one in an answer queue, a raw one through a
Python callback; every path lets go of its completion, also when the cffi call itself raises."""

from __future__ import annotations

import json
import threading
import time

import pytest

from conftest import RawEngine
from timconv_nb import Client, completions
from timconv_nb.completions import AnswerQueue, Reply

C2C = 1


def settled(check, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.01)
    return check()


def test_a_call_whose_cffi_call_raises_lets_go_of_its_completion(alice: RawEngine) -> None:
    """cffi refuses a str where C takes char*: the C function is never called, so no callback
    will come, and the waiter, ticket or Python callback made for it must not be kept."""
    native = alice.native
    before = completions.live()
    with pytest.raises(TypeError):
        native.call_and_wait("TIMConvCreate", "bob", C2C, timeout=5)
    with pytest.raises(TypeError):
        native.call_and_wait("TIMConvCreate", "bob", C2C, timeout=5, lend=True)
    answers = AnswerQueue()
    with pytest.raises(TypeError):
        native.call_answered("TIMConvCreate", "bob", C2C, answers=answers, on_done=lambda reply: None)
    assert len(answers) == 0
    answers.close()
    with pytest.raises(TypeError):
        native.call("TIMConvCreate", "bob", C2C, on_done=lambda *reply: None)
    assert completions.live() == before and native.pending_callbacks == 0
    # The same calls, made right, complete and let go too.
    result, (code, _, value) = native.call_and_wait("TIMConvCreate", b"bob", C2C, timeout=5)
    assert (result, code, json.loads(value)["conv_id"]) == (0, 0, "bob")
    # The engine's thread drops its reference just after waking the caller.
    assert settled(lambda: completions.live() == before)


def test_a_refused_call_lets_go_of_its_completion(alice: RawEngine) -> None:
    before = completions.live()
    assert alice.native.call_and_wait("TIMConvCreate", b"", C2C, timeout=5) == (-4, None)  # TIM_ERR_PARAM
    assert alice.native.call_and_wait("TIMConvCreate", b"", C2C, timeout=5, lend=True) == (-4, None)
    assert completions.live() == before


def test_a_lent_reply_is_read_in_place_and_a_reading_error_reaches_the_caller(alice: RawEngine) -> None:
    alice.call("TIMConvCreate", b"bob", C2C)
    seen: list[type] = []

    def read(reply: Reply) -> list:
        seen.append(type(reply.buffer()))
        return json.loads(bytes(reply.buffer()))

    result, (code, _, conversations) = alice.native.call_and_wait("TIMConvGetConvList", timeout=5, read=read,
                                                                  lend=True)
    assert (result, code, [c["conv_id"] for c in conversations]) == (0, 0, ["bob"])
    assert seen == [memoryview]

    def broken(reply: Reply) -> None:
        raise ValueError("not the JSON I expected")

    with pytest.raises(ValueError, match="not the JSON"):
        alice.native.call_and_wait("TIMConvGetConvList", timeout=5, read=broken, lend=True)
    # The engine's thread was handed the text back: the next call is answered.
    assert alice.call("TIMConvCreate", b"carol", C2C).code == 0


def test_a_lending_call_that_times_out_holds_nothing(alice: RawEngine) -> None:
    before = completions.live()
    alice.native.fault_delay("TIMConvGetConvList", 300)
    assert alice.native.call_and_wait("TIMConvGetConvList", timeout=0.05, lend=True) == (0, None)
    alice.native.fault_delay(None, 0)
    assert alice.call("TIMConvCreate", b"dave", C2C).code == 0  # answered after the late one
    assert settled(lambda: completions.live() == before)


def test_awaited_calls_complete_in_their_loops_queue(tmp_path) -> None:
    """An awaited method's reply never runs Python on the engine's thread: it is taken on the
    loop's thread."""
    import asyncio

    with Client(tmp_path) as client:
        client.login("alice")
        threads: list[int] = []

        async def main() -> list:
            created = await client.create_conversation_async("bob")
            threads.append(threading.get_ident())
            return [created.conv_id, len(await client.conversations_async())]

        assert asyncio.run(main()) == ["bob", 1]
        assert threads == [threading.get_ident()]
        assert client.native.pending_callbacks == 0
