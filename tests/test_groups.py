"""Groups as the vendor's server keeps them (spec section 9), on the local engine: membership in the
data root, the rules of each group type, tips, group messages to every member across processes
with one seq, @ mentions, revoke, delete and clear, receive options. Each rule cites the text of
the vendor's header it rests on (TIMGroupManager.h / TIMMessageManager.h of SDK 8.0.5906, fetched
by ``python -m timconv_nb.vendor fetch``)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import engine_library_path, wait_until
from timconv_nb import AT_ALL, Client, ReceiveOpt
from timconv_nb.classroom import Classroom
from timconv_nb.errors import (
    GroupMembershipError,
    GroupNotFoundError,
    GroupPermissionError,
    InvalidConversationError,
    InvalidParameterError,
    RevokeTimeLimitError,
)
from timconv_nb.frames import GROUP_DTYPES, MEMBER_DTYPES
from timconv_nb.membership import GroupAddOption, GroupTipType, GroupType, MemberRole


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def as_user(client: Client, user: str) -> Client:
    client.login(user)
    client.wait_for_sync()
    return client


# ---- create and the group id: TIMGroupManager.h 407, 1552; TIMErrorCode.h 86 ----
# 407: "创建群组时可以指定群ID，若未指定时IM通讯云服务器会生成一个唯一的ID" (a group id may be given; else
# the server makes a unique one). 1552: a Community's own id must start with "@TGS#_".
# TIMErrorCode.h 86, ERR_SDK_GROUP_INVALID_ID = 8501: "自定义群组 ID 必须为可打印 ASCII 字符（0x20-0x7e），
# 最长48个字节，且前缀不能为 @TGS#" (an id of one's own is printable ASCII, at most 48 bytes, not
# starting with @TGS#).

def test_create_makes_the_owner_a_member_with_a_named_group_conversation(alice: Client) -> None:
    added = []
    alice.on("add", lambda event, convs: added.extend(c.key for c in convs))
    assert alice.create_group("Team", "team", "work") == "team"
    team = alice.conversation("team", "group")
    assert team.show_name == "Team" and team.raw["conv_group_type"] == GroupType.WORK
    assert wait_until(lambda: "group_team" in added)
    [joined] = alice.group_list()
    assert (joined.group_id, joined.role, joined.group_type) == ("team", MemberRole.OWNER, GroupType.PRIVATE)
    info = alice.groups_info(["team"])["team"]
    assert (info.owner, info.member_count, info.max_members) == ("alice", 1, 200)  # a Work group holds 200
    assert info.add_option is GroupAddOption.FORBID  # Work groups take members only by invitation (482)


def test_a_generated_id_looks_like_the_servers_and_own_ids_may_not(alice: Client) -> None:
    made = alice.create_group("Chat", group_type="meeting")
    assert made.startswith("@TGS#") and len(made) > 6
    community = alice.create_group("Big", group_type="community")
    assert community.startswith("@TGS#_")
    with pytest.raises(InvalidParameterError, match="ERR_SDK_GROUP_INVALID_ID \\(8501\\)"):
        alice.create_group("Fake", "@TGS#mine", "work")
    with pytest.raises(InvalidParameterError, match="8501"):
        alice.create_group("Club", "club", "community")  # a Community's own id starts with @TGS#_
    assert alice.create_group("Club", "@TGS#_club", "community") == "@TGS#_club"
    with pytest.raises(InvalidParameterError, match="10021"):
        alice.create_group("Again", "@TGS#_club", "community")
    with pytest.raises(ValueError, match="48 bytes"):
        alice.create_group("Long", "g" * 49, "work")


def test_an_own_id_is_printable_ascii_of_at_most_48_bytes(alice: Client) -> None:
    def create(group_id: str) -> int:
        body = {"create_group_param_group_name": "G", "create_group_param_group_id": group_id}
        result, reply = alice.native.call_and_wait("TIMGroupCreate", json.dumps(body).encode(), timeout=10)
        assert result == 0
        return reply[0]

    for bad in ("tab\there", "new\nline", "caf\u00e9", "\u7fa4", "del\x7f", "g" * 49, "@TGS#", "@TGS#_x"):
        assert create(bad) == 8501, bad
    for good in (" ", "~", "a b!", "g" * 48, "@TGS"):  # 0x20 and 0x7e are printable; "@TGS" is not the prefix
        assert create(good) == 0, good
    assert {g.group_id for g in alice.group_list()} == {" ", "~", "a b!", "g" * 48, "@TGS"}
    with pytest.raises(InvalidParameterError, match="8501.*printable ASCII"):
        alice.create_group("Tab", "tab\there", "work")


def test_create_refuses_bad_parameters_with_the_vendors_codes(alice: Client) -> None:
    native = alice.native

    def create(body: dict) -> tuple:
        result, reply = native.call_and_wait("TIMGroupCreate", json.dumps(body).encode(), timeout=10)
        return result, reply[0] if reply else None

    assert create({})[0] == -3  # the name is required (10.2: 必填)
    assert create({"create_group_param_group_name": 5})[0] == -3
    assert create({"create_group_param_group_name": "x", "create_group_param_group_type": 9}) == (0, 10004)
    members = [{"group_member_info_identifier": f"u{i}"} for i in range(21)]
    # 1558: "群组初始成员数组，成员个数不能超过 20"
    assert create({"create_group_param_group_name": "Many",
                   "create_group_param_group_member_array": members}) == (0, 10004)
    with pytest.raises(ValueError, match="20 initial members"):
        alice.create_group("Many", "many", "work", members=[f"u{i}" for i in range(21)])
    assert alice.group_list() == []  # nothing was made


# ---- join, quit, dismiss by group type: TIMGroupManager.h 465-466, 482-485, 500-501 ----

def test_join_follows_the_group_type(alice: Client) -> None:
    alice.create_group("Work", "work1", "work")
    alice.create_group("Public", "pub", "public")
    alice.create_group("Open", "open", "public", add_option=GroupAddOption.ANY)
    alice.create_group("Meet", "meet", "meeting")
    alice.create_group("Live", "live", "live")
    alice.create_group("Closed", "closed", "meeting", add_option=GroupAddOption.FORBID)
    bob = as_user(alice, "bob")
    # 482: 私有群不能由用户主动申请入群; TIMErrorCode.h 93: 8508 不允许申请加入 Private 群组
    with pytest.raises(GroupPermissionError, match="8508"):
        bob.join_group("work1")
    bob.join_group("pub")  # 484: 需要审核: the request waits (tests/test_groups_pendency.py); bob is no member yet
    with pytest.raises(GroupPermissionError, match="10007"):
        bob.join_group("closed")
    for group in ("open", "meet", "live"):  # 483, 485: 可以主动申请进入 / 可以任意加入
        bob.join_group(group)
    with pytest.raises(GroupMembershipError, match="10013"):
        bob.join_group("meet")
    with pytest.raises(GroupNotFoundError, match="10010"):
        bob.join_group("nowhere")
    assert [g.group_id for g in bob.group_list()] == ["open", "meet", "live"]
    assert bob.conversation("meet", "group").show_name == "Meet"


def test_quit_and_dismiss_follow_the_group_type(alice: Client) -> None:
    alice.create_group("Work", "w", "work", members=["bob"])
    alice.create_group("Meet", "m", "meeting")
    with pytest.raises(GroupPermissionError, match="10009"):  # 501: 群主不能退出
        alice.quit_group("m")
    with pytest.raises(GroupPermissionError, match="Work group"):  # 465: 私有群，任何人都无法解散
        alice.dismiss_group("w")
    bob = as_user(alice, "bob")
    bob.join_group("m")
    with pytest.raises(GroupPermissionError, match="only the owner"):  # 466: 群主可以解散
        bob.dismiss_group("m")
    bob.quit_group("w")  # 500: 私有群，全员可退出
    with pytest.raises(GroupPermissionError, match="not a member"):
        bob.quit_group("w")
    alice = as_user(bob, "alice")
    alice.create_group("Work2", "w2", "work", members=["bob", "carol"])
    alice.quit_group("w2")  # the owner too, from a Work group; the longest-standing member owns it next
    assert alice.groups_info(["w2"])["w2"].owner == "bob"
    assert {m.user_id: m.role for m in as_user(alice, "bob").member_list("w2")} == {
        "bob": MemberRole.OWNER, "carol": MemberRole.NORMAL}
    alice = as_user(alice, "alice")
    alice.quit_group("w")  # the last member leaves: nobody owns it
    alice.dismiss_group("m")
    assert isinstance(alice.groups_info(["m"])["m"], GroupNotFoundError)
    assert alice.groups_info(["w"])["w"].owner == "" and alice.groups_info(["w"])["w"].member_count == 0
    assert alice.group_list() == []
    # The members' conversations stay, ending with the report of the dismissal.
    assert alice.conversation("m", "group").last_message_text == "[alice dismissed the group]"


def test_members_list_with_roles_for_members_only(alice: Client) -> None:
    alice.create_group("Team", "team", "work", members=["bob", ("carol", MemberRole.ADMIN)])
    frame = alice.members("team")
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        c: str(pd.api.types.pandas_dtype(t)) for c, t in MEMBER_DTYPES.items()}
    assert dict(frame.role.astype(str)) == {"alice": "owner", "bob": "normal", "carol": "admin"}
    # 1071: the role flag picks roles (1 owner, 2 admins, 4 the others)
    assert [m.user_id for m in alice.member_list("team", roles=2 | 1)] == ["alice", "carol"]
    assert [m.user_id for m in alice.member_list("team", user_ids=["bob"])] == ["bob"]
    dave = as_user(alice, "dave")
    with pytest.raises(GroupPermissionError, match="only members"):
        dave.members("team")
    groups = as_user(dave, "bob").groups()
    assert {c: str(t) for c, t in groups.dtypes.items()} == {
        c: str(pd.api.types.pandas_dtype(t)) for c, t in GROUP_DTYPES.items()}
    assert groups.loc["team", "role"] == "normal" and groups.loc["team", "group_type"] == "Work"


# ---- messages to members: spec section 9; TIMMessageManager.h 778 ----

def test_only_members_send_and_receive_with_one_seq(alice: Client) -> None:
    alice.create_group("Team", "team", "meeting")
    as_user(alice, "bob").join_group("team")
    dave = as_user(alice, "dave")
    with pytest.raises(GroupPermissionError, match="only members send"):
        dave.send_text("team", "let me in", "group")
    with pytest.raises(GroupNotFoundError):
        dave.send_text("ghost", "anyone?", "group")
    alice = as_user(dave, "alice")
    sent = [alice.send_text("team", f"m{i}", "group") for i in range(3)]
    bob = as_user(alice, "bob")
    seqs = list(bob.messages("team", "group").seq)
    assert seqs[:3] == [s.seq for s in reversed(sent)]  # the same seq in every member's store
    assert bob.conversation("team", "group").unread == 3  # the join tip does not count
    with pytest.raises(InvalidConversationError):  # dave received nothing
        as_user(bob, "dave").conversation("team", "group")


def test_group_tips_cannot_be_sent(alice: Client) -> None:
    alice.create_group("Team", "team", "meeting")
    for elem_type in (5, 8):  # TIMMessageManager.h 778: "发送消息时不能发送 kTIMElem_GroupTips、 kTIMElem_GroupReport"
        tip = json.dumps({"message_elem_array": [{"elem_type": elem_type}]}).encode()
        assert alice.native.call_and_wait("TIMMsgSendMessage", b"team", 2, tip, None, timeout=10) == (-3, None)


def test_fan_out_across_processes_with_one_member_offline(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Client(data, library=engine_library_path()) as alice:
        alice.login("alice")
        tips = []
        alice.on("group_tip", lambda tip: tips.append(tip))
        alice.create_group("Class", "class", "meeting")
        with Classroom(alice, ["bob", "carol"]) as peers:
            for user in ("bob", "carol"):
                peers[user].join_group("class")
            # 283: the tips of joining reach every member, in alice's process too
            assert wait_until(lambda: len(tips) == 2)
            assert [(t.tip_type, t.op_user, t.users, t.member_count, t.join_type) for t in tips] == [
                (GroupTipType.INVITE, "bob", ("bob",), 2, 1), (GroupTipType.INVITE, "carol", ("carol",), 3, 1)]
            peers["carol"].logout()  # carol is away
            sent = alice.send_text("class", "welcome", "group")
            heard: list = []
            assert wait_until(lambda: ("alice", "welcome") in heard or heard.extend(
                pair for event, pairs in peers["bob"].events() if event == "message" for pair in pairs))
            peers["carol"].login("carol")  # back: the message was kept for her
            carol_msgs = peers["carol"].messages("class", "group")
            assert list(carol_msgs.text)[0] == "welcome" and list(carol_msgs.seq)[0] == sent.seq


def heard_by(peer, event: str, heard: list, item) -> bool:
    """Collects what peer heard of event into heard; whether item is among it."""
    heard.extend(x for e, summary in peer.events() if e == event for x in summary)
    return item in heard


# ---- @ mentions: TIMConversationManager.h 930-934, TIMMessageManager.h 2351 ----

def test_mentions_fill_the_mentioned_members_at_information(alice: Client) -> None:
    alice.create_group("Team", "team", "work", members=["bob", "carol"])
    alice.send_text("team", "@bob look", "group", at=["bob"])
    alice.send_text("team", "@all standup", "group", at=[AT_ALL])
    alice.send_text("team", "@all and @bob", "group", at=[AT_ALL, "bob"])
    bob = as_user(alice, "bob")
    team = bob.conversation("team", "group")
    assert [why.name for _, why in team.group_at] == ["AT_ME", "AT_ALL", "AT_ALL_AT_ME"]
    frame = bob.conversations()
    assert frame.loc["group_team", "group_at"] == "me,all,all_me"
    body = b'{"conversation_list_filter_has_group_at_info": true}'
    result, reply = bob.native.call_and_wait("TIMConvGetConversationListByFilter", body, 0, 10, timeout=10)
    assert [c["conv_id"] for c in json.loads(reply[2])["conversation_list_result_conv_list"]] == ["team"]
    carol = as_user(bob, "carol")
    assert [why.name for _, why in carol.conversation("team", "group").group_at] == ["AT_ALL", "AT_ALL"]


# ---- revoke: TIMMessageManager.h 1218-1222, 696 ----

def test_revoke_reaches_every_copy_and_the_recipients_callbacks(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Team", "team", "work", members=["bob"])
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            sent = alice.send_text("team", "oops", "group")
            to_bob = alice.send_text("bob", "private oops")
            heard: list = []
            assert wait_until(lambda: heard_by(bob, "message", heard, ("alice", "private oops")))
            revoked_seen: list = []
            alice.on("message_revoked", lambda items: revoked_seen.extend(items))
            alice.revoke_message(sent)
            alice.revoke_message(to_bob)
            # 696: the recipient's SDK reports it through the revoke callback
            revokes: list = []
            assert wait_until(lambda: heard_by(bob, "message_revoked", revokes, ("c2c_alice", to_bob.seq, "alice")))
            assert ("group_team", sent.seq, "alice") in revokes
            assert revoked_seen == []  # the sender is not a recipient
            last = alice.conversation("team", "group").last_message
            assert last["message_status"] == 6 and last["message_revoker_user_id"] == "alice"
            bob_copy = bob.messages("team", "group").iloc[0]
            assert bob_copy.status == 6 and bob_copy.text == "oops"
            assert bool(bob.conversations().loc["c2c_alice", "last_msg_revoked"])


def test_the_revoke_callback_gives_msg_locators_with_the_vendors_types(tmp_path: Path) -> None:
    # TIMMessageManager.h 2460-2475 (8.2 MsgLocator): message_locator_is_revoked and message_locator_is_self are
    # bools, time, seq, rand and unique id uint64; 2376: the revoker's user id beside them.
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        revoked: list = []
        alice.on("message_revoked", lambda items: revoked.extend(items))
        with Classroom(alice, ["bob"]) as peers:
            sent = peers["bob"].send_text("alice", "oops")
            peers["bob"].revoke_message(sent)
            assert wait_until(lambda: revoked)
    locator = revoked[0].raw
    assert locator["message_locator_is_revoked"] is True and locator["message_locator_is_self"] is False
    assert (locator["message_locator_conv_id"], locator["message_locator_conv_type"]) == ("bob", 1)
    assert locator["message_locator_seq"] == sent.seq and locator["message_locator_rand"] == sent.raw["message_rand"]
    assert locator["message_locator_unique_id"] == sent.raw["message_unique_id"]
    assert locator["message_revoker_user_id"] == "bob"


def test_revoke_rules(alice: Client) -> None:
    alice.create_group("Team", "team", "work", members=["bob", ("carol", 300)])
    bob = as_user(alice, "bob")
    from_bob = bob.send_text("team", "bob's words", "group")
    to_alice = bob.send_text("alice", "hi alice")
    carol = as_user(bob, "carol")
    copy = carol.messages("team", "group").iloc[0]
    carol.revoke_message({"message_msg_id": copy.name, "message_conv_id": "team", "message_conv_type": 2})  # an admin
    alice = as_user(carol, "alice")
    received = alice.messages("bob")
    with pytest.raises(InvalidParameterError, match="one's own"):  # 1222: 单聊仅能撤回自己的消息
        alice.revoke_message({"message_msg_id": received.index[0], "message_conv_id": "bob", "message_conv_type": 1})
    dave_group = alice.create_group("Other", "other", "work", members=["bob"])
    bob = as_user(alice, "bob")
    mine = bob.send_text(dave_group, "x", "group")
    alice = as_user(bob, "alice")
    own_copy = alice.messages(dave_group, "group").iloc[0]
    alice.revoke_message({"message_msg_id": own_copy.name, "message_conv_id": dave_group, "message_conv_type": 2})
    bob = as_user(alice, "bob")
    assert bob.messages(dave_group, "group").loc[mine.msg_id, "status"] == 6  # the owner revoked it for all
    late = bob.send_text("team", "too late", "group")
    bob.set_clock(time.time() + 121)  # 1218: "撤回消息的时间限制默认 2 minutes"
    try:
        with pytest.raises(RevokeTimeLimitError, match="10031"):
            bob.revoke_message(late)
        with pytest.raises(RevokeTimeLimitError, match="20016"):
            bob.revoke_message(to_alice)
    finally:
        bob.set_clock(None)
    with pytest.raises(InvalidParameterError, match="10030"):
        bob.revoke_message({"message_msg_id": "no-such", "message_conv_id": "team", "message_conv_type": 2})
    online = bob.send_message("team", {"message_elem_array": [{"elem_type": 0, "text_elem_content": "live"}],
                                       "message_is_online_msg": True}, "group")
    with pytest.raises(InvalidParameterError):  # 1219: online messages cannot be revoked (never stored)
        bob.revoke_message(online)
    assert from_bob.msg_id in set(as_user(bob, "carol").messages("team", "group").index)


# ---- delete and clear: TIMMessageManager.h 6.4-6.6 ----

def test_delete_and_clear_move_the_last_message_and_unread(alice: Client) -> None:
    for text in ("one", "two", "three"):
        alice.send_text("bob", text)
    bob = as_user(alice, "bob")
    msgs = bob.messages("alice")
    assert list(msgs.text) == ["three", "two", "one"] and bob.conversation("alice").unread == 3
    updates = []
    bob.on("update", lambda event, convs: updates.extend(convs))
    bob.delete_message({"message_msg_id": msgs.index[0], "message_conv_id": "alice", "message_conv_type": 1})
    conv = bob.conversation("alice")
    assert conv.last_message_text == "two" and conv.unread == 2
    assert wait_until(lambda: any(c.last_message_text == "two" for c in updates))
    with pytest.raises(InvalidParameterError, match="not in this conversation"):  # all or none
        bob.delete_messages([{"message_msg_id": msgs.index[1], "message_conv_id": "alice", "message_conv_type": 1},
                             {"message_msg_id": "gone", "message_conv_id": "alice", "message_conv_type": 1}])
    assert len(bob.messages("alice")) == 2
    with pytest.raises(ValueError, match="at most 50"):  # 1332: 一次最多只能删除 50 条消息
        bob.delete_messages([{"message_msg_id": str(i), "message_conv_id": "alice", "message_conv_type": 1}
                             for i in range(51)])
    too_many = json.dumps([{"message_msg_id": str(i)} for i in range(51)]).encode()
    assert bob.native.call_and_wait("TIMMsgListDelete", b"alice", 1, too_many, timeout=10)[1][0] == 6017
    bob.delete_messages([{"message_msg_id": i, "message_conv_id": "alice", "message_conv_type": 1}
                         for i in msgs.index[1:]])
    conv = bob.conversation("alice")
    assert conv.last_message is None and conv.unread == 0 and bob.total_unread() == 0
    alice = as_user(bob, "alice")
    alice.send_text("bob", "again")
    bob = as_user(alice, "bob")
    assert bob.total_unread() == 1
    bob.clear_history("alice")
    conv = bob.conversation("alice")
    assert conv.last_message is None and conv.unread == 0 and bob.messages("alice").empty
    assert bob.total_unread() == 0
    with pytest.raises(InvalidConversationError):
        bob.clear_history("nobody")


# ---- receive options: TIMMessageManager.h 5.3 ----

def test_group_receive_options_decide_delivery_and_the_total(alice: Client) -> None:
    alice.create_group("Team", "team", "work", members=["bob", "carol"])
    as_user(alice, "bob").set_group_receive_option("team", ReceiveOpt.NOT_RECEIVE)
    as_user(alice, "carol").set_group_receive_option("team", ReceiveOpt.NOT_NOTIFY)
    alice = as_user(alice, "alice")
    alice.send_text("team", "hello", "group")
    bob = as_user(alice, "bob")
    assert "hello" not in set(bob.messages("team", "group").text)  # Not_Receive: never arrives
    assert [g.recv_opt for g in bob.group_list()] == [ReceiveOpt.NOT_RECEIVE]
    carol = as_user(bob, "carol")
    assert carol.conversation("team", "group").unread == 1 and carol.total_unread() == 0  # not in the total


def test_a_member_who_quit_receives_nothing_more(alice: Client) -> None:
    alice.create_group("Team", "team", "work", members=["bob"])
    as_user(alice, "bob").quit_group("team")
    alice = as_user(alice, "alice")
    alice.send_text("team", "after bob left", "group")
    bob = as_user(alice, "bob")
    texts = list(bob.messages("team", "group").text)
    assert "after bob left" not in texts and texts[0] == "[bob quit]"
    with pytest.raises(GroupPermissionError):
        bob.send_text("team", "let me back", "group")


def test_dismissal_reaches_members_in_other_processes(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Meet", "meet", "meeting")
        with Classroom(alice, ["bob"]) as peers:
            peers["bob"].join_group("meet")
            alice.dismiss_group("meet")
            heard: list = []
            assert wait_until(lambda: heard_by(peers["bob"], "message", heard,
                                               ("alice", "[alice dismissed the group]")))
            assert peers["bob"].group_list() == []
            with pytest.raises(GroupNotFoundError):
                peers["bob"].send_text("meet", "hello?", "group")


def test_concurrent_group_sends_share_one_sequence(tmp_path: Path) -> None:
    """Three processes send to one group at once: every seq is used once, and every member's store
    holds every message under the same seq."""
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Busy", "busy", "work", members=["bob", "carol"])
        with Classroom(alice, ["bob", "carol"]) as peers:
            import threading
            sent: dict[str, list] = {}

            def send_as(who: str) -> None:
                peer = peers[who]
                sent[who] = [peer.send_text("busy", f"{who}{i}", "group").seq for i in range(40)]

            threads = [threading.Thread(target=send_as, args=(who,)) for who in ("bob", "carol")]
            for thread in threads:
                thread.start()
            sent["alice"] = [alice.send_text("busy", f"alice{i}", "group").seq for i in range(40)]
            for thread in threads:
                thread.join()
            seqs = sorted(s for values in sent.values() for s in values)
            assert len(seqs) == len(set(seqs)) == 120
            views = [alice.messages("busy", "group", count=200)] + [
                peers[who].messages("busy", "group", count=200) for who in ("bob", "carol")]
            by_text = [dict(zip(view.text, view.seq)) for view in views]
            assert by_text[0] == by_text[1] == by_text[2]


def test_the_inspector_names_the_group_calls_and_events(alice: Client) -> None:
    """The recorder (and so the call inspector) names each new call, its parameters and its events."""
    tips = []
    alice.on("group_tip", lambda tip: tips.append(tip))
    with alice.recording() as recorder:
        alice.create_group("Team", "team", "work", members=["bob"])
        sent = alice.send_text("team", "hi", "group")
        alice.revoke_message(sent)
        alice.clear_history("team", "group")
    calls = [r for r in recorder.records if r.kind == "call"]
    assert [r.function for r in calls] == ["TIMGroupCreate", "TIMMsgSendMessage", "TIMMsgRevoke",
                                           "TIMMsgClearHistoryMessage"]
    create = calls[0]
    assert create.args["json_group_create_param"]["create_group_param_group_id"] == "team"
    assert create.json == {"create_group_result_groupid": "team"} and create.code == 0
    assert calls[2].args["json_msg_param"] == sent.raw  # the Message as the send gave it (TIMMsgRevoke)
    events = [r for r in recorder.records if r.kind == "event"]
    tip_events = [r for r in events if r.function == "TIMGroupTipsEventCallback"]
    assert tip_events and tip_events[0].args["json_group_tip"]["group_tips_elem_group_id"] == "team"
