"""The local engine through the raw cffi binding (the path users of the C API take):
success paths with their JSON key by key, every synchronous error code, threads and order,
exactly-once across TIMUninit, events, persistence and private storage."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from conftest import APP_ID, ENGINE, RawEngine
from timconv_nb import native

TIM_SUCC, TIM_ERR_SDKUNINIT, TIM_ERR_NOTLOGIN, TIM_ERR_JSON, TIM_ERR_PARAM, TIM_ERR_CONV = 0, -1, -2, -3, -4, -5
C2C, GROUP = 1, 2
ADD, DEL, UPDATE = 0, 1, 2
NULL = native.ffi.NULL

DRAFT = {
    "draft_msg": {"message_elem_array": [{"elem_type": 0, "text_elem_content": "this draft"}]},
    "draft_user_define": "this is userdefine",
}

CONV_INFO_TYPES = {
    "conv_id": str,
    "conv_type": int,
    "conv_owner": str,
    "conv_unread_num": int,
    "conv_active_time": int,
    "conv_is_has_lastmsg": bool,
    "conv_is_has_draft": bool,
    "conv_recv_opt": int,
    "conv_is_pinned": bool,
    "conv_show_name": str,
    "conv_face_url": str,
    "conv_mark_array": list,
    "conv_custom_data": str,
    "conv_conversation_group_array": list,
    "conv_group_at_info_array": list,
    "conv_c2c_read_timestamp": int,  # a C2C conversation's read position (a group has conv_group_read_sequence)
}


def store_file(root: Path, user: str) -> Path:
    return root / "timconv" / str(APP_ID) / user.encode().hex() / "store.db"


def test_version_and_server_time(raw: RawEngine) -> None:
    assert raw.native.version().startswith(native.LOCAL_ENGINE_VERSION_PREFIX)
    assert raw.native.is_local_engine
    assert abs(raw.lib.TIMGetServerTime() - time.time()) < 5


def test_the_engine_runs_its_own_sqlite_beside_the_host_process(raw: RawEngine, tmp_path: Path) -> None:
    """The engine carries its own SQLite (engine/third_party), with its own settings, whatever
    SQLite the process has loaded and is using (a kernel's history, Python's sqlite3)."""
    carried = re.search(r'#define SQLITE_VERSION\s+"([^"]+)"',
                        (ENGINE / "third_party" / "sqlite" / "sqlite3.h").read_text()).group(1)
    host = sqlite3.connect(tmp_path / "host.db")  # the process's own SQLite, open and in use throughout
    host.execute("CREATE TABLE t (x)")
    assert raw.native.sqlite_version() == carried
    raw.login("alice")
    assert raw.call("TIMConvCreate", b"bob", C2C).code == 0
    host.execute("INSERT INTO t VALUES (1)")
    assert [c["conv_id"] for c in raw.conv_list()] == ["bob"] and host.execute("SELECT x FROM t").fetchall() == [(1,)]
    host.close()


def test_login_status_and_user_id(raw: RawEngine) -> None:
    buffer = native.ffi.new("char[128]")
    assert raw.lib.TIMGetLoginStatus() == 3  # UnLogined
    assert raw.lib.TIMGetLoginUserID(buffer) == TIM_ERR_NOTLOGIN
    reply = raw.login("alice")
    assert (reply.code, reply.desc, reply.json) == (0, "", None)
    assert raw.lib.TIMGetLoginStatus() == 1  # Logined
    assert raw.lib.TIMGetLoginUserID(buffer) == TIM_SUCC
    assert native.ffi.string(buffer) == b"alice"
    assert raw.call("TIMLogout").code == 0
    assert raw.lib.TIMGetLoginStatus() == 3
    assert raw.call("TIMLogout").code == 0  # nobody logged in: still succeeds


def test_login_while_login_in_progress_calls_back_7501(raw: RawEngine) -> None:
    first = raw.start("TIMLogin", b"alice", b"sig")
    second = raw.start("TIMLogin", b"bob", b"sig")
    assert first[0] == second[0] == TIM_SUCC
    assert first[1].wait(5) and second[1].wait(5)
    assert first[2][0].code == 0
    assert second[2][0].code == 7501


def test_create_returns_conv_info_key_by_key(alice: RawEngine) -> None:
    before = int(time.time())
    reply = alice.call("TIMConvCreate", b"bob", C2C)
    assert reply.code == 0 and reply.desc == ""
    info = reply.json
    for key, kind in CONV_INFO_TYPES.items():
        assert isinstance(info[key], kind), key
    assert set(info) == set(CONV_INFO_TYPES)  # no last message, no draft, not a group
    assert info["conv_id"] == "bob" and info["conv_type"] == C2C and info["conv_owner"] == "alice"
    assert info["conv_unread_num"] == 0 and info["conv_recv_opt"] == 0
    assert before <= info["conv_active_time"] <= time.time() + 1
    assert info["conv_is_has_lastmsg"] is False and info["conv_is_has_draft"] is False
    assert info["conv_is_pinned"] is False
    group = alice.call("TIMConvCreate", b"team", GROUP).json
    assert group["conv_group_type"] == 0 and group["conv_type"] == GROUP


def test_create_existing_gets_it_without_a_second_add_event(alice: RawEngine) -> None:
    first = alice.call("TIMConvCreate", b"bob", C2C).json
    second = alice.call("TIMConvCreate", b"bob", C2C).json
    assert first == second
    assert [e for e, _ in alice.events] == [ADD]


def test_list_orders_most_recently_active_first(alice: RawEngine) -> None:
    for name in ["a", "b", "c"]:
        alice.call("TIMConvCreate", name.encode(), C2C)
    assert [c["conv_id"] for c in alice.conv_list()] == ["c", "b", "a"]


def test_get_conv_info_in_order_asked_skipping_unknown(alice: RawEngine) -> None:
    alice.call("TIMConvCreate", b"bob", C2C)
    alice.call("TIMConvCreate", b"team", GROUP)
    param = [
        {"get_conversation_list_param_conv_id": "team", "get_conversation_list_param_conv_type": GROUP},
        {"get_conversation_list_param_conv_id": "nobody", "get_conversation_list_param_conv_type": C2C},
        {"get_conversation_list_param_conv_id": "bob", "get_conversation_list_param_conv_type": C2C},
        {"get_conversation_list_param_conv_id": "bob", "get_conversation_list_param_conv_type": GROUP},
    ]
    reply = alice.call("TIMConvGetConvInfo", json.dumps(param).encode())
    assert [(c["conv_id"], c["conv_type"]) for c in reply.json] == [("team", GROUP), ("bob", C2C)]


def test_draft_set_and_cancel_with_update_events(alice: RawEngine) -> None:
    alice.call("TIMConvCreate", b"bob", C2C)
    before = int(time.time())
    assert alice.lib.TIMConvSetDraft(b"bob", C2C, json.dumps(DRAFT).encode()) == TIM_SUCC
    conv = alice.conv_list()[0]
    assert conv["conv_is_has_draft"] is True
    draft = conv["conv_draft"]
    assert draft["draft_msg"] == DRAFT["draft_msg"]
    assert draft["draft_user_define"] == "this is userdefine"
    assert before <= draft["draft_edit_time"] <= time.time() + 1  # filled in when absent
    explicit = dict(DRAFT, draft_edit_time=1551271429)
    assert alice.lib.TIMConvSetDraft(b"bob", C2C, json.dumps(explicit).encode()) == TIM_SUCC
    assert alice.conv_list()[0]["conv_draft"]["draft_edit_time"] == 1551271429
    assert alice.lib.TIMConvCancelDraft(b"bob", C2C) == TIM_SUCC
    conv = alice.conv_list()[0]
    assert conv["conv_is_has_draft"] is False and "conv_draft" not in conv
    assert alice.lib.TIMConvCancelDraft(b"bob", C2C) == TIM_SUCC  # no draft: still success
    alice.conv_list()
    kinds = [e for e, _ in alice.events]
    assert kinds == [ADD, UPDATE, UPDATE, UPDATE, UPDATE]
    assert alice.events[1][1][0]["conv_draft"]["draft_user_define"] == "this is userdefine"


def test_draft_does_not_change_activity_order(alice: RawEngine) -> None:
    alice.call("TIMConvCreate", b"old", C2C)
    alice.call("TIMConvCreate", b"new", C2C)
    assert alice.lib.TIMConvSetDraft(b"old", C2C, json.dumps(DRAFT).encode()) == TIM_SUCC
    assert [c["conv_id"] for c in alice.conv_list()] == ["new", "old"]


def test_sync_draft_calls_take_their_place_in_call_order(alice: RawEngine) -> None:
    # The create is still queued when the draft is set; the draft is accepted and lands after it.
    create = alice.start("TIMConvCreate", b"carol", C2C)
    assert alice.lib.TIMConvSetDraft(b"carol", C2C, json.dumps(DRAFT).encode()) == TIM_SUCC
    delete = alice.start("TIMConvDelete", b"carol", C2C)
    # Its delete is queued: for a draft call made now, carol no longer exists.
    assert alice.lib.TIMConvCancelDraft(b"carol", C2C) == TIM_ERR_CONV
    assert create[1].wait(5) and delete[1].wait(5)
    assert [e for e, _ in alice.events] == [ADD, UPDATE, DEL]
    assert alice.events[1][1][0]["conv_is_has_draft"] is True


def test_delete_with_del_event_and_unknown_is_6004(alice: RawEngine) -> None:
    alice.call("TIMConvCreate", b"bob", C2C)
    reply = alice.call("TIMConvDelete", b"bob", C2C)
    assert (reply.code, reply.desc) == (0, "")
    assert alice.events[-1][0] == DEL and alice.events[-1][1][0]["conv_id"] == "bob"
    assert alice.conv_list() == []
    again = alice.call("TIMConvDelete", b"bob", C2C)
    assert again.code == 6004 and "bob" in again.desc


def test_callbacks_run_on_one_worker_thread_in_call_order(alice: RawEngine) -> None:
    order: list[int] = []
    threads: set[int] = set()
    finished = threading.Event()
    count = 500

    def make_handler(i: int):
        def on_done(code: int, desc: str, payload: str) -> None:
            order.append(i)
            threads.add(threading.get_ident())
            if i == count - 1:
                finished.set()

        return on_done

    for i in range(count):
        name = "TIMConvGetConvList" if i % 5 == 0 else "TIMConvCreate"
        args = () if i % 5 == 0 else (f"peer{i}".encode(), C2C)
        assert alice.submit(name, *args, on_done=make_handler(i)) == TIM_SUCC
    assert finished.wait(10)
    assert order == list(range(count))
    assert len(threads) == 1 and threading.get_ident() not in threads


def test_exactly_once_across_uninit(alice: RawEngine) -> None:
    codes: list[int] = []
    returned = threading.Event()
    late: list[int] = []

    def on_done(code: int, desc: str, payload: str) -> None:
        codes.append(code)
        if returned.is_set():
            late.append(code)

    accepted = sum(alice.submit("TIMConvCreate", f"u{i}".encode(), C2C, on_done=on_done) == 0 for i in range(1000))
    assert alice.lib.TIMUninit() == TIM_SUCC
    returned.set()
    assert accepted == 1000
    assert len(codes) == 1000 and late == []
    assert set(codes) <= {0, 6013}
    assert alice.native.pending_callbacks == 0
    assert alice.lib.TIMConvGetConvList(NULL, NULL) == TIM_ERR_SDKUNINIT


def test_api_calls_inside_callbacks(alice: RawEngine) -> None:
    results: dict[str, int] = {}
    nested_done = threading.Event()

    def on_list(code: int, desc: str, payload: str) -> None:
        results["uninit"] = alice.lib.TIMUninit()
        results["draft"] = alice.lib.TIMConvSetDraft(b"zed", C2C, json.dumps(DRAFT).encode())
        results["create"] = alice.submit("TIMConvCreate", b"zed", C2C, on_done=lambda *a: nested_done.set())

    assert alice.submit("TIMConvGetConvList", on_done=on_list) == TIM_SUCC
    assert nested_done.wait(5)
    assert results == {"uninit": TIM_ERR_PARAM, "draft": TIM_ERR_CONV, "create": TIM_SUCC}


def test_persistence_across_uninit_and_init(alice: RawEngine) -> None:
    alice.call("TIMConvCreate", b"bob", C2C)
    alice.call("TIMConvCreate", b"team", GROUP)
    assert alice.lib.TIMConvSetDraft(b"team", GROUP, json.dumps(DRAFT).encode()) == TIM_SUCC
    alice.call("TIMConvDelete", b"bob", C2C)
    before = alice.conv_list()
    assert alice.lib.TIMUninit() == TIM_SUCC
    assert alice.init() == TIM_SUCC
    alice.login("alice")
    assert alice.conv_list() == before
    alice.login("bob")  # another user has a store of their own
    assert alice.conv_list() == []


def test_store_is_private_and_user_id_never_a_raw_path(raw: RawEngine) -> None:
    user = "../../etc/passwd"
    raw.login(user)
    raw.call("TIMConvCreate", b"x", C2C)
    path = store_file(raw.root, user)
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in [path.parent, path.parent.parent, raw.root / "timconv"]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for extra in path.parent.iterdir():  # the WAL and shared-memory files too
        assert stat.S_IMODE(extra.stat().st_mode) == 0o600, extra
    assert not (raw.root.parent.parent / "etc").exists()


def test_init_config_variants(tmp_path: Path) -> None:
    lib = native.open_library()
    engine = RawEngine(lib, tmp_path)
    try:
        assert lib.lib.TIMInit(0, NULL) == TIM_ERR_PARAM
        assert lib.lib.TIMInit(APP_ID, b"{") == TIM_ERR_JSON
        assert lib.lib.TIMInit(APP_ID, b"[]") == TIM_ERR_JSON
        assert lib.lib.TIMInit(APP_ID, b'{"sdk_config_config_file_path": []}') == TIM_ERR_JSON
        assert lib.lib.TIMInit(APP_ID, b"{" + b" " * (1 << 20) + b"}") == TIM_ERR_PARAM
        logs = tmp_path / "logs"
        config = {"sdk_config_config_file_path": str(tmp_path / "data"), "sdk_config_log_file_path": str(logs)}
        assert engine.init(config) == TIM_SUCC
        assert engine.init({"sdk_config_config_file_path": "/elsewhere"}) == TIM_SUCC  # second init: no change
        engine.login("alice")
        assert store_file(tmp_path / "data", "alice").is_file()
        assert "alice logged in" in (logs / "timconv_nb.log").read_text()
        assert stat.S_IMODE((logs / "timconv_nb.log").stat().st_mode) == 0o600
        assert (4, "alice logged in") in engine.logs
    finally:
        lib.lib.TIMUninit()
        lib.set_handler("conv_event", None)
        lib.set_log_handler(None)


def test_default_data_root_is_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lib = native.open_library()
    try:
        assert lib.lib.TIMInit(APP_ID, NULL) == TIM_SUCC
        RawEngine(lib, tmp_path).login("alice")
        assert store_file(tmp_path, "alice").is_file()
    finally:
        lib.lib.TIMUninit()
        lib.set_handler("conv_event", None)
        lib.set_log_handler(None)


LONG_ID = b"x" * 128
MAX_ID = b"x" * 127
BAD_UTF8 = b"\xc3\x28"
HUGE_JSON = b"[" + b" " * (1 << 20) + b"]"
DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
GOOD_DRAFT = json.dumps(DRAFT).encode()

# (call, arguments, expected TIMResult), each refused before anything is queued.
BAD_CALLS = [
    ("TIMConvCreate", (NULL, C2C), TIM_ERR_PARAM),
    ("TIMConvCreate", (b"", C2C), TIM_ERR_PARAM),
    ("TIMConvCreate", (LONG_ID, C2C), TIM_ERR_PARAM),
    ("TIMConvCreate", (BAD_UTF8, C2C), TIM_ERR_PARAM),
    ("TIMConvCreate", (b"bob", 0), TIM_ERR_CONV),
    ("TIMConvCreate", (b"bob", 3), TIM_ERR_CONV),
    ("TIMConvCreate", (b"bob", 42), TIM_ERR_CONV),
    ("TIMConvCreate", (b"bob", 2**32 - 7), TIM_ERR_CONV),  # (enum TIMConvType)-7: cffi sees the enum as unsigned
    ("TIMConvCreate", (LONG_ID, 42), TIM_ERR_PARAM),  # the id is checked before the type
    ("TIMConvDelete", (NULL, C2C), TIM_ERR_PARAM),
    ("TIMConvDelete", (b"bob", 9), TIM_ERR_CONV),
    ("TIMConvGetConvInfo", (NULL,), TIM_ERR_PARAM),
    ("TIMConvGetConvInfo", (HUGE_JSON,), TIM_ERR_PARAM),
    ("TIMConvGetConvInfo", (b"[",), TIM_ERR_JSON),
    ("TIMConvGetConvInfo", (b'{"a": 1}',), TIM_ERR_JSON),
    ("TIMConvGetConvInfo", (b'[{"get_conversation_list_param_conv_id": "a"}]',), TIM_ERR_JSON),
    ("TIMConvGetConvInfo", (DEEP_JSON,), TIM_ERR_JSON),
    ("TIMConvGetConvInfo", (b'["\xff"]',), TIM_ERR_JSON),
    ("TIMConvSetDraft", (NULL, C2C, GOOD_DRAFT), TIM_ERR_PARAM),
    ("TIMConvSetDraft", (b"bob", 5, GOOD_DRAFT), TIM_ERR_CONV),
    ("TIMConvSetDraft", (b"bob", C2C, NULL), TIM_ERR_PARAM),
    ("TIMConvSetDraft", (b"bob", C2C, b"{" + b" " * (1 << 20) + b"}"), TIM_ERR_PARAM),
    ("TIMConvSetDraft", (b"bob", C2C, b"not json"), TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"bob", C2C, b"[]"), TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"bob", C2C, b'{"draft_msg": 1}'), TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"bob", C2C, b'{"draft_msg": {}}'), TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"bob", C2C, b'{"draft_msg": {"message_elem_array": [{}]}}'), TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"bob", C2C, b'{"draft_msg": {"message_elem_array": []}, "draft_user_define": 3}'),
     TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"bob", C2C, b'{"draft_msg": {"message_elem_array": []}, "draft_edit_time": "x"}'),
     TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"bob", C2C, DEEP_JSON), TIM_ERR_JSON),
    ("TIMConvSetDraft", (b"ghost", C2C, GOOD_DRAFT), TIM_ERR_CONV),
    ("TIMConvSetDraft", (b"bob", GROUP, GOOD_DRAFT), TIM_ERR_CONV),
    ("TIMConvCancelDraft", (b"", C2C), TIM_ERR_PARAM),
    ("TIMConvCancelDraft", (b"bob", 0), TIM_ERR_CONV),
    ("TIMConvCancelDraft", (b"ghost", C2C), TIM_ERR_CONV),
    ("TIMLogin", (NULL, b"sig"), TIM_ERR_PARAM),
    ("TIMLogin", (MAX_ID + b"y", b"sig"), TIM_ERR_PARAM),
    ("TIMLogin", (BAD_UTF8, b"sig"), TIM_ERR_PARAM),
    ("TIMLogin", (b"alice", NULL), TIM_ERR_PARAM),
    ("TIMGetLoginUserID", (NULL,), TIM_ERR_PARAM),
]

ASYNC = {"TIMConvCreate", "TIMConvDelete", "TIMConvGetConvInfo", "TIMLogin"}


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.parametrize("name,args,expected", BAD_CALLS, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(BAD_CALLS)])
def test_bad_input_is_refused_and_store_unchanged(alice: RawEngine, name: str, args: tuple, expected: int) -> None:
    alice.call("TIMConvCreate", b"bob", C2C)
    assert alice.lib.TIMConvSetDraft(b"bob", C2C, GOOD_DRAFT) == TIM_SUCC
    before = alice.conv_list()
    events_before = len(alice.events)
    if name in ASYNC:
        result, done, _ = alice.start(name, *args)
        assert result == expected
        assert not done.wait(0.05)  # a refused call never calls back
    else:
        assert getattr(alice.lib, name)(*args) == expected
    assert alice.conv_list() == before
    assert len(alice.events) == events_before
    assert integrity(store_file(alice.root, "alice")) == "ok"


@pytest.mark.parametrize(
    "name,args",
    [
        ("TIMConvCreate", (b"bob", C2C)),
        ("TIMConvDelete", (b"bob", C2C)),
        ("TIMConvGetConvList", ()),
        ("TIMConvGetConvInfo", (b"[]",)),
    ],
)
def test_calls_needing_a_user_before_init_and_before_login(tmp_path: Path, name: str, args: tuple) -> None:
    lib = native.open_library()
    call = getattr(lib.lib, name)
    assert call(*args, NULL, NULL) == TIM_ERR_SDKUNINIT
    engine = RawEngine(lib, tmp_path)
    try:
        assert engine.init() == TIM_SUCC
        assert call(*args, NULL, NULL) == TIM_ERR_NOTLOGIN
        assert lib.lib.TIMConvSetDraft(b"bob", C2C, GOOD_DRAFT) == TIM_ERR_NOTLOGIN
        assert lib.lib.TIMConvCancelDraft(b"bob", C2C) == TIM_ERR_NOTLOGIN
    finally:
        lib.lib.TIMUninit()
        lib.set_handler("conv_event", None)
        lib.set_log_handler(None)


def test_null_callback_still_does_the_work(alice: RawEngine) -> None:
    assert alice.lib.TIMConvCreate(b"quiet", C2C, NULL, NULL) == TIM_SUCC
    assert [c["conv_id"] for c in alice.conv_list()] == ["quiet"]


def test_open_library_calls_the_library_it_was_given(tmp_path: Path) -> None:
    source = tmp_path / "other.c"
    source.write_text('const char* TIMGetSDKVersion(void) { return "another library 9.9"; }\n')
    path = tmp_path / "libother.so"
    assert os.system(f"gcc -shared -fPIC -o {path} {source}") == 0
    other = native.open_library(path)
    assert other.version() == "another library 9.9"
    assert not other.is_local_engine
    assert native.open_library().is_local_engine


def test_header_and_library_locations() -> None:
    include = Path(native.get_include())
    assert (include / "TIMCloud.h").is_file()
    for header in ["TIMCloudDef.h", "TIMErrorCode.h", "TIMManager.h", "TIMConversationManager.h",
                   "TIMMessageManager.h"]:
        assert (include / header).is_file()
    assert Path(native.library_path()).name == "libtimconv.so"


def test_fixture_uses_the_engine_under_test(raw: RawEngine) -> None:
    # Under test_sanitized_python.py this is the sanitizer build, not the installed library.
    from conftest import engine_library_path

    assert raw.native.path == str(Path(engine_library_path() or native.library_path()).resolve())
