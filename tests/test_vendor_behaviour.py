"""Behaviour the vendor's headers document, on the local engine. Each test cites the vendor text it
rests on: file and line in the headers of im_electron_sdk 8.0.5906 (``lib/linux/include``;
``python -m timconv_nb.vendor fetch`` puts them in ``~/.cache/timconv_nb/vendor/8.0.5906/include``).
docs/vendor.md has the whole fidelity table."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import struct
import threading
import time
from pathlib import Path

import pytest

from conftest import CONV_EVENT_FINISH, CONV_EVENT_START, RawEngine, engine_library_path, wait_until
from timconv_nb import (
    AT_ALL,
    CallTimeoutError,
    Client,
    ConvEvent,
    GroupAtType,
    InvalidParameterError,
    MarkType,
    NotLoggedInError,
    ReceiveOpt,
    native,
)
from timconv_nb.errors import NotSupportedError, UserSigError

# ---- the sync after a login ----
# TIMConversationManager.h:46-49: enum TIMConvEvent has kTIMConvEvent_Start (会话开始) and
# kTIMConvEvent_Finish (会话结束); :91-95, the TIMConvEventCallback example: for both,
# "json_conv_array 为空字符串" (json_conv_array is an empty string); :803: read the group list
# "建议在 kTIMConvEvent_Finish 之后调用" (after Finish).

def test_a_login_announces_start_then_finish_with_empty_json_before_its_callback(raw: RawEngine) -> None:
    order: list[str] = []
    raw.native.set_handler("conv_event", lambda event, payload: order.append(f"event {event} {payload!r}"))
    result, done, replies = raw.start("TIMLogin", b"alice", b"sig")
    assert result == 0 and done.wait(10) and replies[0].code == 0
    assert order == [f"event {CONV_EVENT_START} ''", f"event {CONV_EVENT_FINISH} ''"]
    raw.call("TIMLogin", b"alice", b"sig")  # logging in again as the same user syncs again
    assert order[2:] == order[:2]
    raw.call("TIMLogin", b"bob", b"sig")  # so does a switch of user
    assert order[4:] == order[:2]


def test_a_refused_login_announces_no_sync(tmp_path: Path) -> None:
    from timconv_nb.usersig import gen_user_sig

    with Client(tmp_path, secret_key="k" * 32, library=engine_library_path()) as client:
        seen: list[ConvEvent] = []
        client.on("start", lambda event, convs: seen.append(event))
        with pytest.raises(UserSigError):
            client.login("alice", "not a usersig")
        assert seen == []
        with pytest.raises(NotLoggedInError):
            client.wait_for_sync()
        client.login("alice", gen_user_sig(client.app_id, "k" * 32, "alice"))
        client.wait_for_sync(timeout=5)
        assert seen == [ConvEvent.START]


def test_wait_for_sync_returns_after_finish_and_leaves_no_handler(client: Client) -> None:
    client.wait_for_sync()  # the fixture's login has synced
    finished = threading.Event()
    on_finish = client.on("finish", lambda event, convs: finished.set())
    client.login("bob")
    client.wait_for_sync(timeout=5)
    assert finished.is_set()
    client.off("finish", on_finish)
    # The watch removed its own one-shot handler too: no conversation event callback is left.
    assert "conv_event" not in client.native.global_handlers


def test_wait_for_sync_times_out_clearly_and_the_async_twin_waits(client: Client) -> None:
    client.faults.delay(0.5, "TIMLogin")  # the sync's events come with the login's answer, late

    async def scenario() -> None:
        login = asyncio.ensure_future(client.login_async("bob"))
        await asyncio.sleep(0)  # the login is made: its sync is pending
        with pytest.raises(CallTimeoutError, match="kTIMConvEvent_Finish"):
            client.wait_for_sync(timeout=0.05)
        await login
        await client.wait_for_sync_async(timeout=5)

    asyncio.run(scenario())
    assert client.user_id == "bob"
    client.faults.clear()


# ---- callExperimentalAPI ----
# TIMExperimentalAPI.h:67: "TIM_API int callExperimentalAPI(const char* json_param, TIMCommCallback cb,
# const void* user_data)"; :90 kTIMInternalOperationSetUIPlatform, :96 kTIMInternalOperationWriteLog;
# :185 kTIMRequestInternalOperation; :211 kTIMRequestSetUIPlatformParam (uint32); :221
# kTIMRequestWriteLogLogLevelParam (int), :223 kTIMRequestWriteLogLogContentParam (string).

SET_UI_PLATFORM = json.dumps({"request_internal_operation": "internal_operation_set_ui_platform",
                              "request_set_ui_platform_param": 27}).encode()


def test_experimental_api_before_tim_init_calls_back_at_once(tmp_path: Path) -> None:
    lib = native.open_library(engine_library_path())
    answers: list[tuple] = []
    assert lib.call("callExperimentalAPI", SET_UI_PLATFORM, on_done=lambda *reply: answers.append(reply)) == 0
    assert answers == [(0, "", "")]  # before TIMInit, as the vendor's Electron wrapper calls it
    unknown = json.dumps({"request_internal_operation": "internal_operation_sso_data"}).encode()
    assert lib.call("callExperimentalAPI", unknown, on_done=lambda *reply: answers.append(reply)) == 0
    assert answers[1][0] == 7013 and "internal_operation_write_log" in answers[1][1]
    assert lib.call_result("callExperimentalAPI", b"[]", None, None) == -3  # not a request object
    assert lib.call_result("callExperimentalAPI", b'{"request_internal_operation": 5}', None, None) == -3
    assert lib.call_result("callExperimentalAPI", None, None, None) == -4
    assert lib.pending_callbacks == 0


def test_experimental_api_writes_the_callers_log_line(raw: RawEngine) -> None:
    line = {"request_internal_operation": "internal_operation_write_log", "request_write_log_log_level_param": 6,
            "request_write_log_log_content_param": "from the app <b>"}
    reply = raw.call("callExperimentalAPI", json.dumps(line).encode())
    assert reply.code == 0 and reply.thread != threading.get_ident()  # on the engine's thread once initialised
    assert (6, "from the app <b>") in raw.logs
    reply = raw.call("callExperimentalAPI", SET_UI_PLATFORM)
    assert reply.code == 0 and (4, "UI platform 27 (callExperimentalAPI)") in raw.logs
    bad_level = dict(line, request_write_log_log_level_param=9)
    assert raw.lib.callExperimentalAPI(json.dumps(bad_level).encode(), native.ffi.NULL, native.ffi.NULL) == -3


def test_client_experimental_api(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    client.experimental_api({"request_internal_operation": "internal_operation_write_log",
                             "request_write_log_log_content_param": "hello"})
    with pytest.raises(NotSupportedError, match="7013"):
        client.experimental_api({"request_internal_operation": "internal_operation_get_server_config"})
    with pytest.raises(TypeError):
        client.experimental_api("internal_operation_write_log")


# ---- paging cursors ----
# TIMConversationManager.h:426 "@param next_seq 分页拉取的游标" (the paging cursor) and :447, the
# example reading conversation_list_result_next_seq back for the next page. The vendor's own
# JavaScript wrapper passes it through a JS number (a double): it must survive that exactly.

def test_paging_cursors_survive_a_double(client: Client) -> None:
    for i in range(12):
        client.create_conversation(f"u{i:02}")
    for i in range(0, 12, 3):
        client.pin(f"u{i:02}")
    seen: list[str] = []
    next_seq = 0
    while True:
        frame, next_seq, finished = client.conversation_page(next_seq, 5)
        assert next_seq < 2**53
        next_seq = int(struct.unpack("d", struct.pack("d", float(next_seq)))[0])  # through a double
        seen += list(frame.index)
        if finished:
            break
    assert seen == list(client.conversations().index) and len(seen) == 12


# ---- filters ----
# TIMConversationManager.h 981-988, the keys of TIMConversationListFilter: conversation_group
# "不设置表示不过滤此项，设置为 "" 代表过滤不属于任何分组的会话" (absent: no filtering; "": the
# conversations in no group); mark_type "设置为 0 代表过滤不含任何标记的会话" (0: those without
# marks); has_unread_count "设置为 false 代表过滤不含未读数的会话" (false: those without unread);
# has_group_at_info likewise for @ information. :281: subscriptions are told apart by conv type,
# mark type and group.

@pytest.fixture
def filtered(tmp_path: Path):
    """bob: unread, starred, in "friends"; carol: nothing; team (group): marks Unread | 1 << 32."""
    with Client(tmp_path, library=engine_library_path()) as client:
        client.login("bob")
        client.send_text("alice", "hi")
        client.login("alice")
        client.create_conversation("carol")
        client.create_conversation("team", "group")
        client.mark_conversations(["c2c_bob"], MarkType.STAR)
        client.mark_conversations(["group_team"], MarkType.UNREAD | (1 << 32))
        client.create_conversation_group("friends", ["c2c_bob"])
        yield client


def keys(client: Client, **filters) -> set:
    return {k for page in client.iter_conversation_pages(**filters) for k in page.index}


def test_a_present_filter_key_means_what_its_value_says(filtered: Client) -> None:
    everyone = {"c2c_bob", "c2c_carol", "group_team"}
    assert keys(filtered) == everyone
    assert keys(filtered, has_unread=True) == {"c2c_bob"}
    assert keys(filtered, has_unread=False) == {"c2c_carol", "group_team"}
    assert keys(filtered, mark=0) == {"c2c_carol"}
    assert keys(filtered, mark=MarkType.STAR) == {"c2c_bob"}
    assert keys(filtered, group="") == {"c2c_carol", "group_team"}
    assert keys(filtered, group="friends") == {"c2c_bob"}
    assert keys(filtered, group="", mark=0, has_unread=False) == {"c2c_carol"}
    # No conversation of this fixture was mentioned: false keeps all, true none.
    raw = filtered.native
    for at, expected in ((False, 3), (True, 0)):
        body = json.dumps({"conversation_list_filter_has_group_at_info": at}).encode()
        code, reply = raw.call_and_wait("TIMConvGetConversationListByFilter", body, 0, 100, timeout=5)
        assert code == 0 and len(json.loads(reply[2])["conversation_list_result_conv_list"]) == expected


def test_unread_sums_and_subscriptions_take_the_same_keys(filtered: Client) -> None:
    assert filtered.unread_count(group="") == 0 and filtered.unread_count(group="friends") == 1
    assert filtered.unread_count(mark=0) == 0 and filtered.unread_count(mark=MarkType.STAR) == 1
    changes: list = []
    filtered.on("unread_by_filter", lambda f, total: changes.append((f["mark"], f["group"], total)))
    filtered.subscribe_unread(group="")         # the conversations in no group
    filtered.subscribe_unread()                 # any: a different subscription
    filtered.login("carol")
    filtered.send_text("alice", "one more")
    filtered.login("alice")
    # Logins take the totals silently: carol's message made "no group" 1 and "any" 2.
    filtered.mark_read("carol")  # no group: 1 -> 0, any: 2 -> 1
    filtered.mark_read("bob")    # bob is in "friends": any 1 -> 0 only
    assert wait_until(lambda: len(changes) >= 3)
    assert changes == [(None, "", 0), (None, None, 1), (None, None, 0)]


# ---- marks ----
# TIMConversationManager.h 616-621: an extension mark is "0x1LL << n 的位移值（32 <= n < 64）"
# (a shift 0x1LL << n with 32 <= n < 64); :630 the example mark_type
# "(uint64_t)kTIMConversationMarkTypeUnread | (0x1LL << 32)"; :966 conv_mark_array, "会话标记列表"
# (the list of the conversation's marks).

def test_marks_are_bit_flags_with_extension_bits_to_63(filtered: Client) -> None:
    assert filtered.conversation("team", "group").raw["conv_mark_array"] == [2, 1 << 32]
    assert keys(filtered, mark=MarkType.UNREAD) == {"group_team"} == keys(filtered, mark=1 << 32)
    filtered.mark_conversations(["group_team"], MarkType.UNREAD, enable=False)
    assert filtered.conversation("team", "group").raw["conv_mark_array"] == [1 << 32]
    filtered.mark_conversations(["c2c_carol"], 1 << 63)  # the highest extension bit
    assert filtered.conversation("carol").raw["conv_mark_array"] == [1 << 63]
    assert keys(filtered, mark=1 << 63) == {"c2c_carol"}
    frame = filtered.conversations()
    assert frame.loc["c2c_carol", "marks"] == "custom63" and frame.loc["group_team", "marks"] == "custom32"
    filtered.mark_conversations(["c2c_carol"], 1 << 63, enable=False)
    assert keys(filtered, mark=0) == {"c2c_carol"}
    with pytest.raises(ValueError):
        filtered.mark_conversations(["c2c_carol"], 1 << 64)


# ---- message flags ----
# TIMMessageManager.h 2348-2349: message_is_excluded_from_unread_count, "设置为 YES，表明不需要计入
# 未读计数" (true: not counted as unread); 2358-2359: message_excluded_from_last_message, "是否作为会话
# 的 lastMessage，true: 不作为" (true: not the conversation's last message).

def test_a_message_excluded_from_the_unread_count_is_not_counted(tmp_path: Path) -> None:
    with Client(tmp_path, library=engine_library_path()) as client:
        client.login("bob")
        quiet = {"message_elem_array": [{"elem_type": 0, "text_elem_content": "typing..."}],
                 "message_is_excluded_from_unread_count": True}
        client.send_message("alice", quiet)
        client.send_text("alice", "hello")
        client.send_message("alice", quiet)
        client.login("alice")
        bob = client.conversation("bob")
        assert bob.unread == 1 and client.total_unread() == 1
        assert bob.last_message_text == "typing..."  # still the last message: only the count skips it
        client.mark_read("bob")
        assert client.conversation("bob").unread == 0 and client.total_unread() == 0


def test_a_message_excluded_from_the_last_message_leaves_it_and_the_order(tmp_path: Path) -> None:
    with Client(tmp_path, library=engine_library_path()) as client:
        client.set_clock(1_700_000_000)
        client.login("bob")
        client.send_text("alice", "real news")
        client.set_clock(1_700_000_100)
        client.login("carol")
        client.send_text("alice", "carol's news")
        client.set_clock(1_700_000_200)
        client.login("bob")
        silent = {"message_elem_array": [{"elem_type": 0, "text_elem_content": "read receipt"}],
                  "message_excluded_from_last_message": True}
        sent = client.send_message("alice", silent)
        assert client.conversation("alice").last_message_text == "real news"  # the sender's side too
        client.login("alice")
        assert client.conversation("bob").last_message_text == "real news"
        assert list(client.conversations().index) == ["c2c_carol", "c2c_bob"]  # bob did not move up
        assert client.conversation("bob").unread == 2  # it still counts as unread
        assert sent.text in set(client.messages("bob").text)  # and it is stored


# ---- receive options ----
# TIMCloudDef.h 48-57, enum TIMReceiveMessageOpt: Receive (0) "在线正常接收消息"; Not_Receive (1)
# "不会接收到消息" (messages are not received); Not_Notify (2) and Not_Notify_Except_At (3) receive
# them without (or only @) notifications. TIMMessageManager.h 975-998 (5.1, at most 30 users a
# call), 1001-1033 (5.2, the GetC2CRecvMsgOptResult array), 1036-1054 (5.3, groups).
# TIMConversationManager.h: the total unread counts only Receive conversations.

def test_receive_options_decide_delivery_and_the_total(tmp_path: Path) -> None:
    with Client(tmp_path, library=engine_library_path()) as client:
        client.login("alice")
        client.create_conversation("bob")
        client.set_c2c_receive_option(["bob", "carol"], ReceiveOpt.NOT_RECEIVE)
        client.set_c2c_receive_option(["dave"], ReceiveOpt.NOT_NOTIFY)
        assert client.c2c_receive_options(["bob", "carol", "dave", "erin"]) == {
            "bob": ReceiveOpt.NOT_RECEIVE, "carol": ReceiveOpt.NOT_RECEIVE, "dave": ReceiveOpt.NOT_NOTIFY,
            "erin": ReceiveOpt.RECEIVE}
        assert client.conversation("bob").recv_opt == ReceiveOpt.NOT_RECEIVE
        for sender in ("bob", "carol", "dave", "erin"):
            client.login(sender)
            client.send_text("alice", f"from {sender}")
        client.login("alice")
        frame = client.conversations()
        assert set(frame.index) == {"c2c_bob", "c2c_dave", "c2c_erin"}  # carol's never arrived
        assert frame.loc["c2c_bob", "unread"] == 0 and frame.loc["c2c_dave", "unread"] == 1
        assert frame.loc["c2c_dave", "recv_opt"] == ReceiveOpt.NOT_NOTIFY
        assert client.total_unread() == 1  # erin's: dave's is received but not in the total
        updates: list = []
        client.on("update", lambda event, convs: updates.extend((c.key, c.recv_opt) for c in convs))
        client.set_c2c_receive_option(["dave"], ReceiveOpt.RECEIVE)
        assert updates == [("c2c_dave", ReceiveOpt.RECEIVE)] and client.total_unread() == 2


def test_group_receive_option_and_its_limits(client: Client) -> None:
    client.set_group_receive_option("team", ReceiveOpt.NOT_NOTIFY_EXCEPT_AT)
    assert client.create_conversation("team", "group").recv_opt == ReceiveOpt.NOT_NOTIFY_EXCEPT_AT
    with pytest.raises(InvalidParameterError, match="at most 30"):
        client.set_c2c_receive_option([f"u{i}" for i in range(31)], ReceiveOpt.RECEIVE)
    with pytest.raises(ValueError):
        client.set_c2c_receive_option(["bob"], 4)
    raw = client.native
    assert raw.call_result("TIMMsgSetGroupReceiveMessageOpt", b"team", 4, None, None) == -4
    assert raw.call_result("TIMMsgSetC2CReceiveMessageOpt", b"[]", 0, None, None) == -4
    assert raw.call_result("TIMMsgGetC2CReceiveMessageOpt", b'{"bob": 1}', None, None) == -3


# ---- read positions and read reports ----
# TIMConversationManager.h 972-975: conv_c2c_read_timestamp, "最新已读消息的 UTC 时间戳，仅对单聊会话
# 生效" (the time of the last message read, C2C only), conv_group_read_sequence (a group's read seq).
# TIMMessageManager.h 2798: "当 conv_id 为 NULL 空字符串指针或者 "" 空字符串时，标记 conv_type 表示的所有
# 单聊消息或者群组消息为已读状态" (an empty or NULL conv_id reads every conversation of the type);
# 2806: json_msg_param NULL or "" reads up to the latest message; "当要指定消息时，则以该指定消息的
# 时间戳为已读时间戳上报" (given a message, up to that message).

def test_reading_up_to_a_message_moves_the_read_position_and_the_count(tmp_path: Path) -> None:
    with Client(tmp_path, library=engine_library_path()) as client:
        for second, text in ((100, "one"), (200, "two"), (300, "three")):
            client.set_clock(1_700_000_000 + second)
            client.login("bob")
            client.send_text("alice", text)
        client.login("alice")
        bob = client.conversation("bob")
        assert bob.unread == 3 and bob.read_time is None and bob.raw["conv_c2c_read_timestamp"] == 0
        two = next(m for m in client.messages("bob").itertuples() if m.text == "two")
        client.mark_read("bob", up_to={"message_server_time": int(two.server_time.timestamp())})
        bob = client.conversation("bob")
        assert bob.unread == 1 and bob.read_time.timestamp() == 1_700_000_200
        assert list(client.messages("bob").is_read) == [False, True, True]  # newest first
        client.mark_read("bob", up_to={"message_server_time": 1_700_000_100})  # never back
        assert client.conversation("bob").read_time.timestamp() == 1_700_000_200
        client.mark_read("bob")  # up to the latest
        bob = client.conversation("bob")
        assert bob.unread == 0 and bob.read_time.timestamp() == 1_700_000_300
        assert client.conversations().loc["c2c_bob", "read_time"].timestamp() == 1_700_000_300


def test_a_read_report_without_conversation_id_reads_every_one_of_the_type(tmp_path: Path) -> None:
    with Client(tmp_path, library=engine_library_path()) as client:
        for sender in ("bob", "carol"):
            client.login(sender)
            client.send_text("alice", "hi")
        client.login("alice")
        client.create_conversation("team", "group")
        assert client.total_unread() == 2
        raw = client.native
        for conv_id in (b"", None):
            code, reply = raw.call_and_wait("TIMMsgReportReaded", conv_id, 1, None, timeout=5)
            assert code == 0 and reply[0] == 0
        assert client.total_unread() == 0
        assert {c.conv_id: c.unread for c in client.conversation_list()} == {"bob": 0, "carol": 0, "team": 0}
        assert client.conversation("team", "group").read_seq == 0  # a group's position is its seq
        assert raw.call_result("TIMMsgReportReaded", b"", 3, None, None, None) == -5  # the type still matters
        assert raw.call_result("TIMMsgReportReaded", b"bob", 1, b'{"message_seq": "x"}', None, None) == -3


# ---- online messages ----
# TIMMessageManager.h 2284-2289, kTIMMsgIsOnlineMsg: "C2C会话,当此消息发送时，只有对方在线，对方才会收到。
# 如果当时离线，后续再登录也收不到此消息" (only a peer online when it is sent receives it, never later);
# groups likewise; "此消息服务器不会保存", "此消息不计入未读计数", "此消息在本地不会存储" (neither the
# server nor the client stores it; it is not unread). Locally a user is online while a process has
# them logged in.

def test_online_messages_reach_only_users_online_and_are_never_stored(tmp_path: Path) -> None:
    from test_messages import Peer

    ping = {"message_elem_array": [{"elem_type": 0, "text_elem_content": "ping"}], "message_is_online_msg": True}
    with Client(tmp_path, library=engine_library_path()) as client:
        client.login("bob")
        assert client.send_message("alice", ping).text == "ping"  # alice is offline: lost for her
        assert client.conversation_list() == []  # nothing stored on bob's side either
        peer = Peer(tmp_path, "alice")  # alice logs in from another process
        try:
            client.send_message("alice", ping)
            got = peer.next(lambda m: m.get("event") == "message", timeout=10)
            assert got["texts"] == ["ping"] and got["senders"] == ["bob"]
            state = peer.command("state", "state")
            assert state["state"] == {} and state["total"] == 0  # received, but neither stored nor counted
        finally:
            peer.close()  # alice logs out: offline again
        client.send_message("alice", ping)
        client.login("alice")
        assert client.conversation_list() == [] and client.total_unread() == 0
        with pytest.raises(ValueError):
            client.send_message("bob", {**ping, "message_is_online_msg": "yes"})


# TIMManager.h 235: "用户如果在其他终端登录，会被踢下线" (a login elsewhere sends this one offline); the
# login elsewhere is then the user online: "只有对方在线，对方才会收到" (TIMMessageManager.h 2285, an
# online message reaches a peer that is online), also after the login it sent offline has let go
# of the user's presence mark.
def test_a_login_that_sends_another_offline_receives_online_messages(tmp_path: Path) -> None:
    from timconv_nb.classroom import Classroom

    ping = {"message_elem_array": [{"elem_type": 0, "text_elem_content": "ping"}], "message_is_online_msg": True}
    with Client(tmp_path, library=engine_library_path()) as client:
        client.login("alice")
        kicked = threading.Event()
        client.on("kicked_offline", lambda: kicked.set())
        with Classroom(client, ["alice"]) as elsewhere:  # alice again, in another process
            assert kicked.wait(5)
            client.login("bob")
            other = elsewhere["alice"]
            deadline = time.monotonic() + 10
            heard: list = []
            while ("message", [("bob", "ping")]) not in heard and time.monotonic() < deadline:
                client.send_message("alice", ping)
                time.sleep(0.2)
                heard += other.events()
            assert ("message", [("bob", "ping")]) in heard


# ---- @ information ----
# TIMMessageManager.h 2350-2351: message_group_at_user_array, "群消息中被 @ 的用户 UserID 列表 ...
# 如果需要 @ALL ，请传入 kImSDK_MessageAtALL" (the user ids a group message mentions; kImSDK_MessageAtALL
# for everyone, 2242). TIMConversationManager.h 64-72 (TIMGroupAtType: 1 @ me, 2 @ everyone, 3 both),
# 930-934 (GroupAtInfo: the message's seq and its at-type), 960-961 (conv_group_at_info_array, "用于展示
# '有人@我' 或 '@所有人' 这两种提醒状态": the reminders to show), 987-988 (the has_group_at_info filter).
# When a reminder goes is not written there: locally, when its message is read.

def test_mentions_fill_the_at_information_until_read(tmp_path: Path) -> None:
    with Client(tmp_path, library=engine_library_path()) as client:
        client.login("bob")  # bob's group, with alice and carol in it: its tip is the group's message 1
        client.create_group("Team", "team", "work", members=["alice", "carol"])
        client.send_text("team", "hello everyone", "group", at=[AT_ALL])
        client.send_text("team", "alice, look", "group", at=["alice"])
        client.send_text("team", "both of you", "group", at=["alice", AT_ALL])
        client.send_text("team", "no mention", "group")
        assert client.conversation("team", "group").group_at == ()  # the sender gets no reminder
        client.login("carol")
        assert client.conversation("team", "group").group_at == ((2, GroupAtType.AT_ALL), (4, GroupAtType.AT_ALL))
        client.login("alice")
        team = client.conversation("team", "group")
        assert team.group_at == ((2, GroupAtType.AT_ALL), (3, GroupAtType.AT_ME), (4, GroupAtType.AT_ALL_AT_ME))
        assert team.raw["conv_group_at_info_array"][1] == {"conv_group_at_info_seq": 3, "conv_group_at_info_at_type": 1}
        assert client.conversations().loc["group_team", "group_at"] == "all,me,all_me"
        raw = client.native
        for at, expected in ((True, ["group_team"]), (False, [])):
            body = json.dumps({"conversation_list_filter_has_group_at_info": at}).encode()
            code, reply = raw.call_and_wait("TIMConvGetConversationListByFilter", body, 0, 100, timeout=5)
            keys = [f"group_{c['conv_id']}" for c in json.loads(reply[2])["conversation_list_result_conv_list"]]
            assert code == 0 and keys == expected
        client.mark_read("team", "group", up_to={"message_seq": 3})
        assert client.conversation("team", "group").group_at == ((4, GroupAtType.AT_ALL_AT_ME),)
        client.mark_read("team", "group")
        assert client.conversation("team", "group").group_at == ()
        with pytest.raises(ValueError):  # the at list must be an array of user ids
            client.send_message("team", {"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}],
                                         "message_group_at_user_array": "alice"}, "group")


# TIMManager.h 235: "用户如果在其他终端登录，会被踢下线" (a user who logs in elsewhere is sent offline
# here, through TIMKickedOfflineCallback); 238-239: the first device may log in again, sending the
# second offline in turn. On the local engine another process is another device.
def test_a_login_elsewhere_sends_this_one_offline(tmp_path: Path) -> None:
    from timconv_nb import LoginStatus, NotLoggedInError
    from timconv_nb.classroom import Classroom

    data = tmp_path / "data"
    with Client(data, library=engine_library_path()) as alice:
        alice.login("alice")
        kicked = threading.Event()
        alice.on("kicked_offline", lambda: kicked.set())
        alice.create_conversation("bob")
        with Classroom(alice, ["alice"]) as elsewhere:  # alice again, in another process
            assert kicked.wait(5)
            assert alice.login_status is LoginStatus.UNLOGINED and alice.user_id is None
            with pytest.raises(NotLoggedInError):
                alice.conversation_list()
            other = elsewhere["alice"]
            other.create_conversation("carol")
            alice.login("alice")  # 239: back, and the other login goes offline
            deadline = time.monotonic() + 5
            while ("kicked_offline", None) not in other.events() and time.monotonic() < deadline:
                time.sleep(0.05)
            with pytest.raises(NotLoggedInError):
                other.conversation_list()
        assert {c.conv_id for c in alice.conversation_list()} == {"bob", "carol"}  # both logins' writes kept
    (store,) = data.glob("timconv/*/*/store.db")
    with sqlite3.connect(store) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
