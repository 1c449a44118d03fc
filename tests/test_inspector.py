"""Recording the C traffic, the call inspector, export and replay, and the local engine's scripted
faults (issue #11), over the real engine and real widgets."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from conftest import wait_until
from timconv_nb import CallTimeoutError, Client, InvalidParameterError, NotLoggedInError, Recorder, StorageError, native
from timconv_nb.errors import InvalidConversationError
from timconv_nb.frames import RECORD_DTYPES
from timconv_nb.widgets import CallInspector, CreateConversationForm, DraftEditor


def test_recording_captures_exactly_the_calls_made(client: Client) -> None:
    with client.recording() as recorder:
        client.create_conversation("bob")
        client.set_draft("bob", "hi")
        client.pin("bob")
        with pytest.raises(InvalidConversationError):
            client.delete_conversation("nobody")
        answered = threading.Event()  # a call answered on the engine's thread, through the binding
        assert client.native.call("TIMConvGetConvList", on_done=lambda *reply: answered.set()) == 0
        assert answered.wait(5)
        client.cancel_draft("bob")
    functions = [r.function for r in recorder.records]
    assert functions == ["TIMConvCreate", "TIMConvSetDraft", "TIMConvPinConversation", "TIMConvDelete",
                         "TIMConvGetConvList", "TIMConvCancelDraft"]
    assert [r.seq for r in recorder.records] == [1, 2, 3, 4, 5, 6]
    create, draft, pin, delete, listing, cancel = recorder.records
    assert create.args == {"conv_id": "bob", "conv_type": 1, "cb": "<callback>", "user_data": None}
    assert create.result == 0 and create.code == 0 and create.json["conv_id"] == "bob"
    # The callback may even come before the call returns: it runs on the engine's own thread.
    assert create.callback_thread_id != create.thread_id and create.latency_ms > 0 and create.returned_ms > 0
    assert draft.args["json_draft_param"]["draft_msg"]["message_elem_array"][0]["text_elem_content"] == "hi"
    assert draft.result == 0 and draft.code is None and draft.outcome == "ok"
    assert delete.code == 6004 and delete.outcome == "failed" and "does not exist" in delete.desc
    assert listing.outcome == "ok" and listing.json[0]["conv_draft"]["draft_user_define"] == ""
    frame = recorder.frame()
    assert list(frame.columns) == list(RECORD_DTYPES) and list(frame.index) == [1, 2, 3, 4, 5, 6]
    assert list(frame.outcome) == ["ok", "ok", "ok", "failed", "ok", "ok"]
    # Off again: nothing more is recorded.
    assert client.recorder is None and client.native.recorder is None
    client.create_conversation("carol")
    assert len(recorder) == 6


def test_recording_goes_into_the_recorder_given_even_an_empty_one(client: Client) -> None:
    mine = Recorder()  # no records yet: len() 0, so falsy
    assert client.start_recording(mine) is mine
    client.create_conversation("bob")
    assert [r.function for r in mine.records] == ["TIMConvCreate"]
    assert client.start_recording() is mine  # None: the one already recording
    assert client.stop_recording() is mine
    with client.recording(Recorder()) as fresh:
        client.create_conversation("carol")
    assert [r.function for r in fresh.records] == ["TIMConvCreate"] and len(mine) == 1


def test_a_recording_block_inside_a_running_recording_leaves_it_running(client: Client) -> None:
    """A call inspector records all along; a ``with client.recording(...)`` block in the middle
    records its own calls and gives the recording back when it ends."""
    running = client.start_recording(Recorder())
    with client.recording(Recorder()) as block:
        client.create_conversation("bob")
    client.create_conversation("carol")
    assert client.recorder is running
    assert [r.args["conv_id"] for r in block.records] == ["bob"]
    assert [r.args["conv_id"] for r in running.records] == ["carol"]


def test_events_are_recorded_when_observed(client: Client) -> None:
    client.on("add", lambda event, convs: None)
    with client.recording() as recorder:
        client.create_conversation("bob")
        assert wait_until(lambda: any(r.kind == "event" for r in recorder.records))
    event = next(r for r in recorder.records if r.kind == "event")
    assert event.function == "TIMConvEventCallback" and event.args["conv_event"] == 0
    assert event.args["json_conv_array"][0]["conv_id"] == "bob"
    create = next(r for r in recorder.records if r.function == "TIMConvCreate")
    assert event.seq < create.seq or create.code is not None  # the event came before the callback
    assert event.thread_id == create.callback_thread_id  # on the engine's thread


def test_refused_calls_and_sync_calls_are_recorded(client: Client) -> None:
    with client.recording() as recorder:
        assert client.native.lib.TIMConvCreate(b"", 1, native.ffi.NULL, native.ffi.NULL) == -4
        client.native.lib.TIMGetLoginStatus()
    refused, status = recorder.records
    assert refused.outcome == "refused" and refused.result == -4 and refused.args["conv_id"] == ""
    assert status.function == "TIMGetLoginStatus" and status.result == 1


def test_save_and_replay(client: Client, tmp_path: Path) -> None:
    with client.recording() as recorder:
        client.create_conversation("bob")
        client.set_draft("bob", "<b>not markup</b>")
    path = recorder.save(tmp_path / "session.jsonl")
    lines = path.read_text().splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["function"] == "TIMConvCreate"
    replayed = Recorder.load(path)
    assert [r.to_json() for r in replayed.records] == [r.to_json() for r in recorder.records]
    inspector = CallInspector(path)
    assert inspector.row_seqs == [1, 2] and inspector.count.value == "2 of 2 records"
    inspector.table.selected = "2"  # as a click on its row does
    assert "&lt;b&gt;not markup&lt;/b&gt;" in inspector.detail.value and "<b>" not in inspector.detail.value
    (tmp_path / "broken.jsonl").write_text('{"seq": 1}\n')
    with pytest.raises(ValueError, match="line 1"):
        Recorder.load(tmp_path / "broken.jsonl")


def test_inspector_updates_from_the_engine_thread_and_filters(client: Client) -> None:
    client.on("update", lambda event, convs: None)
    inspector = CallInspector(client)
    client.create_conversation("bob")
    done = threading.Event()
    assert client.native.call("TIMConvPinConversation", b"bob", 1, True, on_done=lambda *reply: done.set()) == 0
    assert done.wait(5)
    # the pin's callback and its Update event arrive on the engine's thread
    assert wait_until(lambda: any(row["function"] == "TIMConvEventCallback" for row in inspector.table.rows()))
    pin_row = lambda: next(row for row in inspector.table.rows() if row["function"] == "TIMConvPinConversation")  # noqa: E731
    assert wait_until(lambda: pin_row()["callback"] == "code 0"), inspector.table.rows()
    assert pin_row()["outcome"] == "ok" and float(pin_row()["latency"]) >= 0
    with pytest.raises(InvalidConversationError):
        client.delete_conversation("nobody")
    inspector.outcome_filter.value = "failed"
    assert [row["function"] for row in inspector.table.rows()] == ["TIMConvDelete"]
    assert inspector.count.value == f"1 of {inspector.table.total} records"
    inspector.outcome_filter.value = "all"
    inspector.function_filter.value = "TIMConvCreate"
    assert len(inspector.row_seqs) == 1
    inspector.clear()
    assert inspector.row_seqs == [] and inspector.count.value == "0 of 0 records"
    inspector.close()
    client.stop_recording()


# ---- scripted faults ----

def test_fail_next_with_a_result_or_a_callback_code(client: Client) -> None:
    client.faults.fail_next("TIMConvCreate", -4)
    with pytest.raises(InvalidParameterError) as refused:
        client.create_conversation("bob")
    assert refused.value.code == -4
    client.faults.fail_next("TIMConvCreate", 6022, count=2)
    for _ in range(2):
        with pytest.raises(StorageError) as failed:
            client.create_conversation("bob")
        assert failed.value.code == 6022 and "scripted fault" in failed.value.desc
    assert client.create_conversation("bob").key == "c2c_bob"  # the rule is used up
    assert client.conversation_list()[0].key == "c2c_bob"
    client.faults.fail_next("TIMConvSetDraft", -5)
    with pytest.raises(InvalidConversationError):
        client.set_draft("bob", "x")
    assert client.conversation("bob").draft is None


def test_fault_arguments_are_checked(client: Client) -> None:
    lib = client.native.lib
    assert lib.timconv_fault_fail_next(b"TIMNoSuchCall", 1, 6022) == -4
    assert lib.timconv_fault_fail_next(native.ffi.NULL, 1, 6022) == -4
    assert lib.timconv_fault_fail_next(b"TIMConvCreate", 0, 6022) == -4
    assert lib.timconv_fault_fail_next(b"TIMConvCreate", 1, 0) == -4
    assert lib.timconv_fault_delay(b"TIMConvCreate", 60_001) == -4
    for _ in range(16):
        client.faults.fail_next("TIMConvGetConvList", 6022)
    with pytest.raises(InvalidParameterError):
        client.faults.fail_next("TIMConvGetConvList", 6022)
    client.faults.clear()
    assert client.conversation_list() == []
    with pytest.raises(ValueError):
        client.faults.delay(61)


def test_delay_beyond_the_timeout_then_the_late_callback(client: Client) -> None:
    client.timeout = 0.2
    client.faults.delay(0.6, "TIMConvCreate")
    added = threading.Event()
    client.on("add", lambda event, convs: added.set())
    started = time.monotonic()
    with pytest.raises(CallTimeoutError) as timed_out:
        client.create_conversation("bob")
    assert "no callback within 0.2s" in str(timed_out.value) and time.monotonic() - started < 0.5
    assert added.wait(5)  # the call did run; only its answer came late
    client.faults.delay(0, "TIMConvCreate")
    client.timeout = 5
    assert [c.key for c in client.conversation_list()] == ["c2c_bob"]


def test_uninit_removes_every_fault(tmp_path: Path) -> None:
    with Client(tmp_path) as first:
        first.login("alice")
        first.faults.fail_next("TIMConvCreate", 6022)
    with Client(tmp_path) as second:
        second.login("alice")
        assert second.create_conversation("bob").key == "c2c_bob"


def test_drop_login(client: Client) -> None:
    client.create_conversation("bob")
    client.faults.drop_login()
    with pytest.raises(NotLoggedInError):
        client.create_conversation("carol")
    assert wait_until(lambda: client.user_id is None)
    with pytest.raises(NotLoggedInError):
        client.faults.drop_login()
    client.login("alice")
    assert [c.key for c in client.conversation_list()] == ["c2c_bob"]


def test_faults_show_as_messages_in_the_widgets(client: Client) -> None:
    form = CreateConversationForm(client)
    client.faults.fail_next("TIMConvCreate", 6022)
    form.conv_id.value = "bob"
    form.button.click()
    assert form.message.startswith("Error 6022 ERR_IO_OPERATION_FAILED") and "tc-error" in form._message.value
    client.faults.fail_next("TIMConvCreate", -4)
    form.button.click()
    assert form.message.startswith("Error -4 TIM_ERR_PARAM")
    client.timeout = 0.2
    client.faults.delay(0.5, "TIMConvCreate")
    form.button.click()
    assert "no callback within 0.2s" in form.message and not form.button.disabled
    client.faults.clear()
    client.timeout = 5
    editor = DraftEditor(client)
    assert wait_until(lambda: editor.selected == "c2c_bob")
    client.faults.drop_login()
    editor.text.value = "hello"
    editor.save.click()
    assert editor.message.startswith("Error -2 TIM_ERR_NOTLOGIN")
