"""The vendor's functions the local engine does not implement (spec section 10; docs/vendor.md,
"Every function of the vendor's headers"): every call answers ERR_SDK_INTERFACE_NOT_SUPPORT
(7013) through its callback on the engine's worker thread, user_data passed back, with a
description naming the function and why; a NULL callback is accepted; before TIMInit the call is
refused; every setter accepts a callback and never calls it. The functions are those of the
headers' not-here blocks, each called with arguments made from its declaration: nothing here is
listed by hand."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from conftest import RawEngine, engine_library_path
from not_here_table import DECLARED, DOCS, declare_not_here, documented_rows, expected_rows, not_here, status
from timconv_nb import errors, native

ffi = native.ffi
NOT_HERE = {name: f for name, f in DECLARED.functions.items() if not f.local}
SETTERS = [f for f in NOT_HERE.values() if f.returns == "void"]
#: The calls whose answer comes through a TIMCommCallback (their second-to-last parameter).
CALLS = [f for f in NOT_HERE.values()
         if f.returns == "int" and f.parameters.split(",")[-2].split()[0] == "TIMCommCallback"]
READ_MEMBERS = "TIMMsgGetGroupMessageReadMemberList"  # its callback carries no code
NOT_SUPPORTED = next(row.code for row in errors.ERROR_CODES if row.name == "ERR_SDK_INTERFACE_NOT_SUPPORT")


def arguments(function: Any) -> list[Any]:
    """Arguments made from the declaration, up to (not including) the callback and user_data: any
    text for a string (the answer does not depend on it: tests/test_bad_inputs.py tries the rest),
    a filled 128-byte buffer for an out-parameter, NULL for another callback, 1 for a number."""
    values: list[Any] = []
    for declaration in function.parameters.split(",")[:-2]:
        if "const char" in declaration:
            values.append(b"x")
        elif "char*" in declaration:
            values.append(ffi.new("char[128]", b"not cleared"))
        elif "Callback" in declaration:
            values.append(ffi.NULL)
        else:
            values.append(1)  # bool, numbers, conv_type (C2C), the read-members filter
    return values


@pytest.fixture
def engine(raw: RawEngine) -> RawEngine:
    declare_not_here()
    return raw


def test_every_not_here_function_is_defined_and_documented() -> None:
    """The not-here blocks of the headers and the not-here files name the same functions; the
    table of docs/vendor.md says of each what the sources say (its order: test_vendor_abi.py)."""
    stubs = not_here()
    assert set(stubs) == set(NOT_HERE)
    assert len(NOT_HERE) == len(CALLS) + len(SETTERS) + 1  # + TIMMsgGetGroupMessageReadMemberList
    assert all("Callback" in f.parameters for f in NOT_HERE.values())  # none synchronous (docs/vendor.md)
    assert {f.header for f in NOT_HERE.values()} >= {"TIMFriendshipManager.h", "TIMSignalingManager.h"}
    assert sorted(documented_rows()) == sorted(expected_rows())
    assert len(documented_rows()) == len(DECLARED.vendor_functions)
    kinds = [stub.kind for stub in stubs.values()]
    counts = (len(DECLARED.vendor_functions) - len(stubs), kinds.count("NOT_YET"), kinds.count("CLOUD"))
    assert "today {} local, {} planned, {} cloud".format(*counts) in DOCS.read_text()


def test_before_init_every_call_is_refused() -> None:
    declare_not_here()
    lib = native.open_library(engine_library_path()).lib
    for function in CALLS:
        result = getattr(lib, function.name)(*arguments(function), ffi.NULL, ffi.NULL)
        assert result == -1, f"{function.name}: {result}, not TIM_ERR_SDKUNINIT"


@pytest.mark.parametrize("logged_in", [False, True], ids=["nobody logged in", "logged in"])
def test_every_call_answers_7013_on_the_engine_thread(engine: RawEngine, logged_in: bool) -> None:
    if logged_in:
        engine.login("alice")
    worker = engine.call("TIMConvGetConvList" if logged_in else "TIMLogout").thread
    answers: dict[int, tuple[int, str, str, int]] = {}
    done = threading.Event()

    @ffi.callback("TIMCommCallback")
    def on_done(code: int, desc: Any, json_params: Any, user_data: Any) -> None:
        answers[int(ffi.cast("intptr_t", user_data))] = (code, ffi.string(desc).decode(),
                                                        ffi.string(json_params).decode(), threading.get_ident())
        if len(answers) == len(CALLS):
            done.set()

    buffers = {}
    for index, function in enumerate(CALLS, start=1):
        values = arguments(function)
        buffers[function.name] = [v for v in values if isinstance(v, ffi.CData) and ffi.typeof(v).kind == "array"]
        user_data = ffi.cast("void *", index)  # passed back untouched: never dereferenced
        assert getattr(engine.lib, function.name)(*values, on_done, user_data) == 0, function.name
    assert done.wait(10), f"{len(CALLS) - len(answers)} calls never called back"
    stubs = not_here()
    for index, function in enumerate(CALLS, start=1):
        code, desc, json_params, thread = answers[index]
        assert code == NOT_SUPPORTED and json_params == "", (function.name, code, desc)
        assert thread == worker != threading.get_ident()
        stub = stubs[function.name]
        assert desc.startswith(f"{function.name} ") and stub.reason in desc and "7013" in desc, desc
        assert ("needs Tencent's cloud" in desc) == (stub.kind == "CLOUD"), desc
        for buffer in buffers[function.name]:  # the invitation id: no invitation was made
            assert ffi.string(buffer) == b"", function.name


def test_a_null_callback_is_accepted(engine: RawEngine) -> None:
    for function in CALLS:
        assert getattr(engine.lib, function.name)(*arguments(function), ffi.NULL, ffi.NULL) == 0, function.name
    assert engine.call("TIMLogout").code == 0  # after every call above, in order
    assert not any("7013" in line for _, line in engine.logs)


def test_send_new_msg_ex_answers_through_its_result_callback(engine: RawEngine) -> None:
    called = []

    @ffi.callback("TIMCommCallback")
    def message_id(code: int, desc: Any, json_params: Any, user_data: Any) -> None:
        called.append(code)

    result, done, replies = engine.start("TIMMsgSendNewMsgEx", b"bob", 1, b"{}", message_id)
    assert result == 0 and done.wait(10)
    assert replies[0].code == NOT_SUPPORTED and not called


def test_read_member_list_answers_a_failure_its_callback_can_carry(engine: RawEngine) -> None:
    """Its callback has no code: "" (no JSON array), next_seq 0, is_finished true, on the worker
    thread, user_data passed back; the 7013 and why go to the log."""
    worker = engine.call("TIMLogout").thread
    answers: list[tuple[bytes, int, bool, int, int]] = []
    done = threading.Event()

    @ffi.callback("TIMMsgGroupMessageReadMemberListCallback")
    def on_members(json_array: Any, next_seq: int, is_finished: bool, user_data: Any) -> None:
        answers.append((ffi.string(json_array), next_seq, is_finished, int(ffi.cast("intptr_t", user_data)),
                        threading.get_ident()))
        done.set()

    function = DECLARED.functions[READ_MEMBERS]
    assert getattr(engine.lib, READ_MEMBERS)(*arguments(function), on_members, ffi.cast("void *", 77)) == 0
    assert done.wait(10)
    assert answers == [(b"", 0, True, 77, worker)]
    assert any(f"{NOT_SUPPORTED} {READ_MEMBERS} is local (receipts)" in line for _, line in engine.logs), engine.logs
    assert getattr(engine.lib, READ_MEMBERS)(*arguments(function), ffi.NULL, ffi.NULL) == 0
    engine.call("TIMLogout")
    assert len(answers) == 1


def test_every_setter_accepts_a_callback_and_never_calls_it(engine: RawEngine) -> None:
    called: list[str] = []
    keep = []
    for function in SETTERS:
        callback_type = function.parameters.split()[0]
        callback = ffi.callback(callback_type, lambda *args, name=function.name: called.append(name))
        keep.append(callback)
        getattr(engine.lib, function.name)(callback, ffi.cast("void *", 1))
    engine.login("alice")
    message = b'{"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}]}'
    engine.call("TIMMsgSendMessage", b"bob", 1, message, ffi.NULL)
    engine.call("TIMGroupCreate", b'{"create_group_param_group_name": "g", "create_group_param_group_id": "g"}')
    engine.call("TIMLogout")
    for function in SETTERS:  # removed again, as a program does before it ends
        getattr(engine.lib, function.name)(ffi.NULL, ffi.NULL)
    assert called == []
    assert status(SETTERS[0], not_here()[SETTERS[0].name]).endswith("(callback accepted, not called today)")
