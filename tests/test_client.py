"""The Pythonic client against the real local engine: calls, value objects, DataFrames,
errors, async twins, timeouts, events, the one-instance rule and handle hygiene."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import inspect
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
import weakref
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import timconv_nb
from conftest import engine_library_path
from timconv_nb import (
    CONVERSATION_DTYPES,
    CallTimeoutError,
    Client,
    ClientAlreadyOpenError,
    ConvEvent,
    ConvType,
    InvalidConversationError,
    LoginStatus,
    NotLoggedInError,
    TIMError,
    completions,
    conversations_frame,
    native,
)

XSS = "<img src=x onerror=alert(1)>"


def test_login_logout_and_status(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        assert client.login_status is LoginStatus.UNLOGINED and client.user_id is None
        with pytest.raises(NotLoggedInError) as info:
            client.conversations()
        assert info.value.code == -2 and info.value.name == "TIM_ERR_NOTLOGIN"
        assert info.value.call == "timconv_conv_list_columns"  # the C call made: the local engine's columns
        client.login("alice")
        assert client.login_status is LoginStatus.LOGINED and client.user_id == "alice"
        client.logout()
        assert client.user_id is None
    assert client.closed


def test_create_get_list_and_delete(client: Client) -> None:
    bob = client.create_conversation("bob")
    assert (bob.conv_id, bob.conv_type, bob.key, bob.owner) == ("bob", ConvType.C2C, "c2c_bob", "alice")
    assert bob.active_time is not None and bob.active_time.tzinfo is not None
    team = client.create_conversation("team", "group")
    assert team.conv_type is ConvType.GROUP and team.key == "group_team"
    assert client.create_conversation("bob", 1) == bob  # gets the existing one
    assert client.conversation("team", ConvType.GROUP) == team
    assert [c.key for c in client.conversation_list()] == ["group_team", "c2c_bob"]
    client.delete_conversation("team", "GROUP")
    assert [c.key for c in client.conversation_list()] == ["c2c_bob"]
    with pytest.raises(InvalidConversationError) as info:
        client.delete_conversation("team", "group")
    assert isinstance(info.value, LookupError) and info.value.code == 6004
    with pytest.raises(LookupError, match="no group conversation 'team'"):
        client.conversation("team", "group")


def test_drafts_text_message_user_define_and_edit_time(client: Client) -> None:
    client.create_conversation("bob")
    client.set_draft("bob", "see you at 5", user_define="ud-1")
    draft = client.conversation("bob").draft
    assert draft is not None and draft.text == "see you at 5" and draft.user_define == "ud-1"
    assert abs((datetime.now(timezone.utc) - draft.edit_time).total_seconds()) < 5
    message = {"message_elem_array": [{"elem_type": 0, "text_elem_content": "a"},
                                      {"elem_type": 3, "custom_elem_data": "x"},
                                      {"elem_type": 0, "text_elem_content": "b"}]}
    when = datetime(2024, 2, 29, 12, 0, tzinfo=timezone.utc)
    client.set_draft("bob", message, edit_time=when)
    draft = client.conversation("bob").draft
    assert draft.text == "ab" and draft.message == message and draft.edit_time == when
    client.cancel_draft("bob")
    assert client.conversation("bob").draft is None
    client.cancel_draft("bob")  # nothing to cancel: fine


def test_64_bit_values_keep_their_precision(client: Client) -> None:
    client.create_conversation("bob")
    big = 2**53 + 1  # a float would round this
    client.set_draft("bob", "x", edit_time=big)
    conv = client.conversation("bob")
    assert conv.draft.raw["draft_edit_time"] == big
    assert conv.draft.edit_time is None  # beyond what a datetime holds: absent, not wrong
    frame = client.conversations(keep_json=True)
    assert frame.loc["c2c_bob", "draft_edit_time"] is pd.NaT
    assert json.loads(frame.attrs["json"])[0]["conv_draft"]["draft_edit_time"] == big


def test_frame_schema_values_and_index(client: Client) -> None:
    client.create_conversation("bob")
    client.create_conversation("team", "group")
    client.set_draft("bob", "hello", user_define="ud")
    frame = client.conversations()
    assert list(frame.columns) == list(CONVERSATION_DTYPES)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        c: str(pd.api.types.pandas_dtype(t)) for c, t in CONVERSATION_DTYPES.items()}
    assert list(frame.index) == ["group_team", "c2c_bob"] and frame.index.name == "conversation"
    bob = frame.loc["c2c_bob"]
    assert bob.conv_id == "bob" and bob.conv_type == "c2c" and bob.show_name == "bob"
    assert bob.unread == 0 and not bob.pinned and bob.has_draft
    assert bob.draft_text == "hello" and bob.draft_user_define == "ud"
    assert bob.draft_edit_time.tzinfo is not None and bob.active_time.tzinfo is not None
    assert pd.isna(bob.last_msg_text) and pd.isna(bob.last_msg_time)
    team = frame.loc["group_team"]
    assert team.conv_type == "group" and not team.has_draft and team.draft_edit_time is pd.NaT
    assert list(frame.conv_type.cat.categories) == ["c2c", "group"]
    assert "json" not in frame.attrs  # kept only when asked for: it is as large as the frame
    assert [c["conv_id"] for c in json.loads(client.conversations(keep_json=True).attrs["json"])] == ["team", "bob"]


def test_empty_frame_has_the_same_columns_and_dtypes(client: Client) -> None:
    empty = client.conversations()
    assert empty.empty
    client.create_conversation("bob")
    full = client.conversations()
    assert list(empty.columns) == list(full.columns)
    assert (empty.dtypes == full.dtypes).all()
    assert empty.index.dtype == full.index.dtype


def test_frame_from_event_payload_and_vendor_pin_bit() -> None:
    vendor = [{"conv_id": "98826", "conv_type": 1, "conv_active_time": 4611686018427387909, "conv_is_pinned": True,
               "conv_unread_num": 1, "conv_is_has_lastmsg": True,
               "conv_last_msg": {"message_elem_array": [{"elem_type": 0, "text_elem_content": "11111"}],
                                 "message_sender": "98826", "message_server_time": 1620877708}}]
    frame = conversations_frame(json.dumps(vendor))
    row = frame.loc["c2c_98826"]
    assert row.pinned and row.unread == 1 and row.last_msg_text == "11111" and row.last_msg_sender == "98826"
    assert row.last_msg_time == pd.Timestamp(1620877708, unit="s", tz="UTC")
    assert row.active_time == pd.Timestamp(5, unit="s", tz="UTC")  # the vendor's sort key without its pin bit


@pytest.mark.parametrize(
    "call,exception,message",
    [
        (lambda c: c.create_conversation(42), TypeError, "conv_id must be str, not int"),
        (lambda c: c.create_conversation(b"bob"), TypeError, "conv_id must be str, not bytes"),
        (lambda c: c.create_conversation(""), ValueError, "1 to 127 bytes"),
        (lambda c: c.create_conversation("x" * 128), ValueError, "not 128"),
        (lambda c: c.create_conversation("é" * 64), ValueError, "not 128"),
        (lambda c: c.create_conversation("bo\0b"), ValueError, "NUL"),
        (lambda c: c.create_conversation("\ud800"), ValueError, "not valid Unicode"),
        (lambda c: c.create_conversation("bob", "system"), ValueError, "'c2c' or 'group'"),
        (lambda c: c.create_conversation("bob", 3), ValueError, r"1 \(C2C\) or 2 \(Group\)"),
        (lambda c: c.create_conversation("bob", True), TypeError, "conversation type"),
        (lambda c: c.create_conversation("bob", 1.0), TypeError, "conversation type"),
        (lambda c: c.delete_conversation("nobody"), InvalidConversationError, "nobody"),
        (lambda c: c.conversation("nobody"), LookupError, "no c2c conversation 'nobody'"),
        (lambda c: c.set_draft("nobody", "x"), InvalidConversationError, "c2c_nobody"),
        (lambda c: c.set_draft("bob", "x", "group"), InvalidConversationError, "group_bob"),
        (lambda c: c.set_draft("bob", 5), TypeError, "draft message must be a dict"),
        (lambda c: c.set_draft("bob", "a\0b"), ValueError, "NUL"),
        (lambda c: c.set_draft("bob", {"text": "x"}), ValueError, "message_elem_array"),
        (lambda c: c.set_draft("bob", {"message_elem_array": [{"elem_type": "0"}]}), ValueError, "elem_type"),
        (lambda c: c.set_draft("bob", "x", user_define=3), TypeError, "user_define must be str"),
        (lambda c: c.set_draft("bob", "x", edit_time=-1), ValueError, "before 1970"),
        (lambda c: c.set_draft("bob", "x", edit_time="now"), TypeError, "edit_time"),
        (lambda c: c.set_draft("bob", "x", edit_time=datetime(2024, 1, 1)), ValueError, "timezone-aware"),
        (lambda c: c.cancel_draft("nobody"), InvalidConversationError, "c2c_nobody"),
        (lambda c: c.login(7), TypeError, "user_id must be str"),
        (lambda c: c.on("bogus", print), ValueError, "unknown event"),
        (lambda c: c.on("add", 5), TypeError, "callable"),
    ],
)
def test_bad_input_raises_clearly_and_changes_nothing(client: Client, call, exception, message) -> None:
    client.create_conversation("bob")
    client.set_draft("bob", "kept")
    before = client.conversations()
    with pytest.raises(exception, match=message):
        call(client)
    pd.testing.assert_frame_equal(client.conversations(), before)


def test_client_argument_checks(tmp_path: Path) -> None:
    for app_id in (0, 2**64, True, "1400000001"):
        with pytest.raises(ValueError, match="app_id must be an int from 1 to 18,446,744,073,709,551,615"):
            Client(tmp_path, app_id=app_id)
    with pytest.raises(ValueError, match="timeout"):
        Client(tmp_path, timeout=0)
    with Client(tmp_path):  # none of the failures above left the slot taken
        pass


def test_exceptions_carry_code_name_and_call() -> None:
    error = timconv_nb.errors.error_for(6022, "disk full", "TIMConvCreate")
    assert isinstance(error, timconv_nb.StorageError) and isinstance(error, OSError)
    assert (error.code, error.name, error.desc, error.call) == (6022, "ERR_IO_OPERATION_FAILED", "disk full",
                                                                "TIMConvCreate")
    assert str(error) == "TIMConvCreate: ERR_IO_OPERATION_FAILED (6022): disk full"
    unknown = timconv_nb.errors.error_for(99999, "", "TIMX")
    assert type(unknown) is TIMError and unknown.name == "UNKNOWN"
    assert isinstance(timconv_nb.errors.error_for(-3), ValueError)


def test_many_awaited_calls_cancellation_and_a_closed_loop(client: Client) -> None:
    async def burst() -> list:
        return await asyncio.gather(*(client.create_conversation_async(f"peer{i}") for i in range(2000)))

    created = asyncio.run(burst())
    assert sorted(c.conv_id for c in created) == sorted(f"peer{i}" for i in range(2000))

    client.faults.delay(0.2, "TIMConvCreate")

    async def cancel_one() -> None:
        task = asyncio.ensure_future(client.create_conversation_async("late"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        asyncio.ensure_future(client.create_conversation_async("after the loop"))
        await asyncio.sleep(0)  # the call is made; its answer comes once this loop is closed

    asyncio.run(cancel_one())
    time.sleep(0.6)  # both delayed answers arrive: one for a cancelled future, one for a closed loop
    client.faults.clear()
    assert client.native.pending_callbacks == 0
    assert {"late", "after the loop"} <= {c.conv_id for c in client.conversation_list()}


def test_awaited_calls_are_answered_on_the_engine_thread_into_the_loop(client: Client) -> None:
    """An awaited call's answer is queued in C on the engine's thread (its ticket notes that
    thread, as the waiter of a blocking call does) and taken by the loop on the loop's thread:
    results, errors with their codes, and records all come through."""
    client.create_conversation("bob")  # a blocking call: its waiter notes the engine's thread in C
    with client.native.recording() as recorder:
        client.create_conversation("carol")

        async def awaited() -> tuple:
            sent = await client.send_text_async("bob", "hello")
            await client.delete_conversation_async("carol")
            with pytest.raises(TIMError) as raised:  # the second delete's callback carries an error
                await client.delete_conversation_async("carol")
            return sent, raised.value, threading.get_ident()

        sent, error, loop_thread = asyncio.run(awaited())
    blocking, send, delete, again = recorder.records
    assert [(r.function, r.code) for r in (send, delete, again)] == [
        ("TIMMsgSendMessage", 0), ("TIMConvDelete", 0), ("TIMConvDelete", error.code)]
    assert error.code != 0 and error.call == "TIMConvDelete"
    assert sent.text == "hello" and send.json["message_msg_id"] == sent.msg_id
    engine_thread = blocking.callback_thread_id
    assert send.callback_thread_id == again.callback_thread_id == engine_thread != loop_thread
    assert client.native.pending_callbacks == 0


def eventfds() -> int:
    """How many eventfds this process has open (the answer queues'; asyncio's loops use pipes)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            count += os.readlink(f"/proc/self/fd/{fd}") == "anon_inode:[eventfd]"
    return count


def test_an_answer_queue_runs_on_done_on_its_owners_thread_in_order(client: Client) -> None:
    """NativeLibrary.call_answered: the library's thread never runs on_done; the owner's take
    does, in the order the calls were made, with the code, desc and JSON of each."""
    answers = completions.AnswerQueue()
    seen: list = []
    text = json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": "hi"}]}).encode()
    for i in range(300):
        assert client.native.call_answered(
            "TIMMsgSendMessage", b"bob", 1, text, None, answers=answers,
            on_done=lambda reply, i=i: seen.append((i, reply.code, json.loads(reply.text())["message_sender"],
                                                     threading.get_ident()))) == 0
    assert client.native.call_answered("TIMMsgSendMessage", b"bob", 1, b"{not json", None, answers=answers,
                                       on_done=lambda *reply: seen.append(reply)) == -3  # TIM_ERR_JSON
    time.sleep(0.2)
    assert seen == []  # answered or not, nothing has run: the engine's thread only queues
    deadline = time.monotonic() + 10
    while len(seen) < 300 and time.monotonic() < deadline:
        time.sleep(0.01)
        answers.take()  # nothing runs until the owner takes
    answers.close()
    assert [entry[:3] for entry in seen] == [(i, 0, "alice") for i in range(300)]
    assert {entry[3] for entry in seen} == {threading.get_ident()}
    assert client.native.pending_callbacks == 0
    assert answers.take() == 0  # closed: nothing to take, and no call can be answered into it
    with pytest.raises(ValueError, match="closed"):
        client.native.call_answered("TIMMsgSendMessage", b"bob", 1, text, None, answers=answers,
                                    on_done=lambda *reply: seen.append(reply))
    assert client.native.pending_callbacks == 0

    before = eventfds()
    dropped = completions.AnswerQueue()
    assert eventfds() == before + 1
    del dropped
    gc.collect()
    assert eventfds() == before  # closed when collected


def test_each_loop_has_its_answer_queue_and_a_closed_loops_queue_is_closed(client: Client) -> None:
    """One eventfd per loop that awaited a call; a closed loop's is closed when a call is next
    awaited on another loop, and the client's close closes the rest."""

    async def one(i: int) -> str:
        return (await client.create_conversation_async(f"loop{i}")).conv_id

    before = eventfds()
    assert asyncio.run(one(0)) == "loop0"
    assert eventfds() == before + 1
    assert [asyncio.run(one(i)) for i in range(1, 41)] == [f"loop{i}" for i in range(1, 41)]
    assert eventfds() == before + 1  # only the last loop's queue stays open
    client.close()
    assert eventfds() == before


def test_a_refused_awaited_call_raises_at_once_and_leaves_nothing_pending(client: Client) -> None:
    async def refused() -> None:
        await client.logout_async()
        with pytest.raises(NotLoggedInError):
            await client.create_conversation_async("bob")  # refused by the C call itself: no ticket left

    asyncio.run(refused())
    assert client.native.pending_callbacks == 0
    client.login("alice")


def test_closing_the_client_inside_its_loop_settles_what_was_awaited(tmp_path: Path) -> None:
    """TIMUninit answers every accepted call (those not run yet with ERR_SDK_NOT_INITIALIZED); the
    loop's queue is taken before it closes, so no awaited call is left hanging."""

    async def scenario() -> list:
        client = Client(tmp_path / "data", library=engine_library_path())
        client.login("alice")
        pending = [asyncio.ensure_future(client.create_conversation_async(f"peer{i}")) for i in range(200)]
        await asyncio.sleep(0)  # the calls are made
        client.close()
        assert client.native.pending_callbacks == 0
        return await asyncio.wait_for(asyncio.gather(*pending, return_exceptions=True), 5)

    outcomes = asyncio.run(scenario())
    assert len(outcomes) == 200
    assert all(isinstance(o, timconv_nb.Conversation) or (isinstance(o, TIMError) and o.code == 6013) for o in outcomes)


def test_async_twins(client: Client) -> None:
    async def scenario() -> list:
        bob = await client.create_conversation_async("bob")
        await client.create_conversation_async("team", "group")
        await client.set_draft_async("bob", "async draft")
        got = await client.conversation_async("bob")
        frame = await client.conversations_async()
        listed = await client.conversation_list_async()
        await client.cancel_draft_async("bob")
        await client.delete_conversation_async("team", "group")
        with pytest.raises(InvalidConversationError):
            await client.delete_conversation_async("team", "group")
        await client.logout_async()
        await client.login_async("alice")
        return [bob.key, got.draft.text, list(frame.index), [c.key for c in listed]]

    assert asyncio.run(scenario()) == ["c2c_bob", "async draft", ["group_team", "c2c_bob"], ["group_team", "c2c_bob"]]
    assert [c.key for c in client.conversation_list()] == ["c2c_bob"]


def same(got: Any, expected: Any) -> None:
    """The same frame, or an equal list."""
    if isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(got, expected)
    else:
        assert got == expected and got


@pytest.mark.parametrize("old, new, args", [
    ("listed_conversations", "conversations", ()),
    ("joined_groups", "group_list", ()),
    ("group_members", "member_list", ("team",)),
    ("conversation_groups", "conversation_group_list", ()),
])
def test_a_renamed_method_warns_and_answers_as_its_new_name(client: Client, old: str, new: str, args: tuple) -> None:
    """Each name of the previous release (client.RENAMED) still works for one release: it and its
    *_async twin give what the new name gives, with a DeprecationWarning naming the new name,
    pointing at the caller's line."""
    assert timconv_nb.client.RENAMED[old] == new
    client.create_conversation("bob")
    client.create_group("Team", "team", "work", members=["bob"])
    client.create_conversation_group("friends", ["c2c_bob"])
    expected = getattr(client, new)(*args)
    with pytest.warns(DeprecationWarning, match=rf"Client\.{old} is deprecated .*: use Client\.{new}$") as caught:
        got = getattr(client, old)(*args)
    assert [w.filename for w in caught] == [__file__]
    same(got, expected)

    async def awaited() -> Any:
        return await getattr(client, f"{old}_async")(*args)

    warning = rf"Client\.{old}_async is deprecated .*: use Client\.{new}_async$"
    with pytest.warns(DeprecationWarning, match=warning) as caught:
        got = asyncio.run(awaited())
    assert [w.filename for w in caught] == [__file__]
    same(got, expected)
    assert inspect.signature(getattr(Client, old)) == inspect.signature(getattr(Client, new))
    assert inspect.iscoroutinefunction(getattr(Client, f"{old}_async"))


def test_timeout_names_the_call_and_is_never_a_silent_success(tmp_path: Path) -> None:
    release = threading.Event()
    with Client(tmp_path, timeout=0.2) as client:
        client.login("alice")
        # An event handler that holds the engine's thread delays the create's callback.
        client.on("add", lambda event, convs: release.wait(5))
        started = time.monotonic()
        with pytest.raises(CallTimeoutError, match="TIMConvCreate") as info:
            client.create_conversation("slow")
        assert isinstance(info.value, TimeoutError)
        assert 0.15 < time.monotonic() - started < 2
        release.set()
        assert [c.conv_id for c in client.conversation_list()] == ["slow"]


def test_event_handlers_and_a_raising_handler_harms_nothing(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    seen: list[tuple[ConvEvent, list[str]]] = []

    def broken(event, conversations):
        raise RuntimeError("handler bug")

    client.on("add", broken)
    for kind in ("add", ConvEvent.UPDATE, "del"):
        client.on(kind, lambda event, convs: seen.append((event, [c.key for c in convs])))
    with caplog.at_level(logging.ERROR, logger="timconv_nb.client"):
        client.create_conversation("bob")
        client.set_draft("bob", "x")
        client.cancel_draft("bob")
        client.delete_conversation("bob")
    assert seen == [(ConvEvent.ADD, ["c2c_bob"]), (ConvEvent.UPDATE, ["c2c_bob"]), (ConvEvent.UPDATE, ["c2c_bob"]),
                    (ConvEvent.DEL, ["c2c_bob"])]
    assert "handler bug" in caplog.text
    client.off("add", broken)
    with pytest.raises(ValueError):
        client.off("add", broken)


def test_events_are_delivered_on_the_engine_thread(client: Client) -> None:
    threads: list[int] = []
    client.on("add", lambda event, convs: threads.append(threading.get_ident()))
    client.create_conversation("bob")
    assert threads and threads[0] != threading.get_ident()


def test_one_client_per_process(tmp_path: Path) -> None:
    first = Client(tmp_path / "one")
    try:
        with pytest.raises(ClientAlreadyOpenError, match="one instance per process"):
            Client(tmp_path / "two")
        second = Client(tmp_path / "two", replace=True)
        assert first.closed and not second.closed
        second.close()
        second.close()  # twice is harmless
        with Client(tmp_path / "three"):
            pass
    finally:
        first.close()


def test_engine_logs_reach_python_logging(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="timconv_nb.engine"), Client(tmp_path) as client:
        client.login("alice")
    assert "alice logged in" in caplog.text


@pytest.mark.scale
def test_no_handle_leaks_over_10000_calls(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.login("alice")
        handler = lambda event, convs: None  # noqa: E731
        client.on("update", handler)
        handler_ref = weakref.ref(handler)
        client.create_conversation("bob")
        for i in range(10_000):
            if i % 2:
                client.set_draft("bob", f"draft {i}")
            else:
                client.conversation("bob")
        assert client.native.pending_callbacks == 0
        lib = client.native
    assert lib.global_handlers == []
    del client, handler
    gc.collect()
    assert handler_ref() is None


def test_repr_and_html_show_the_same_facts_escaped(client: Client) -> None:
    conv = client.create_conversation(XSS)
    client.set_draft(XSS, XSS)
    conv = client.conversation(XSS)
    html_text = conv._repr_html_()
    assert XSS not in html_text and "&lt;img src=x onerror=alert(1)&gt;" in html_text
    for fact in ["c2c_", "unread", "pinned", "draft"]:
        assert fact in repr(conv) and fact in html_text
    client_html = client._repr_html_()
    assert "local engine" in client_html and str(client.app_id) in client_html and "alice" in client_html
    assert "local engine" in repr(client) and "alice" in repr(client)


def test_conv_type_parsing() -> None:
    assert ConvType.parse("C2C") is ConvType.C2C and ConvType.parse(2) is ConvType.GROUP
    assert ConvType.parse(ConvType.GROUP).prefix == "group"


def test_library_from_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "libcopy.so"
    shutil.copy(native.library_path(), copy)
    monkeypatch.setenv("TIMCONV_SDK_LIB", str(copy))
    assert Client.library_info()["path"] == str(copy)
    with Client(tmp_path / "data") as client:
        assert client.native.path == str(copy) and client.is_local


def test_default_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMCONV_DATA_DIR", str(tmp_path / "elsewhere"))
    with Client() as client:
        client.login("alice")
        client.create_conversation("bob")
    (store,) = (tmp_path / "elsewhere").glob("timconv/*/*/store.db")
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT conv_id FROM conversation").fetchall() == [("bob",)]
