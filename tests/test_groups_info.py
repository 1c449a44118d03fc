"""TIMGroupModifyGroupInfo on the local engine: who may change what, the vendor's limits and
codes, the kTIMGroupTip_GroupInfoChange tip, and the group conversation's name and face following
in every member's store, with an Update event in each member's process. Each rule cites the
vendor's header (SDK 8.0.5906, fetched by ``python -m timconv_nb.vendor fetch``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import engine_library_path, wait_until
from test_groups import as_user
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.errors import GroupPermissionError, InvalidParameterError
from timconv_nb.membership import GroupAddOption, GroupInfoChange, GroupInfoChangeFlag, GroupTipType, MemberRole


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def modify(client: Client, param: dict) -> tuple[int, str]:
    """TIMGroupModifyGroupInfo with a GroupModifyInfoParam as given: (callback code, description)."""
    result, reply = client.native.call_and_wait("TIMGroupModifyGroupInfo", json.dumps(param).encode(), timeout=10)
    assert result == 0, result
    return reply[0], reply[1]


# TIMConversationManager.h 943-965: "群组会话显示群名称，如果没有群名称，显示群 ID"... and the face is the
# group's face URL. TIMGroupManager.h 1442-1455 (9.1 GroupTipGroupChangeInfo), 1.1 (its flags).

def test_a_rename_reaches_the_owners_conversation_with_a_tip(alice: Client) -> None:
    tips, updates = [], []
    alice.on("group_tip", tips.append)
    alice.on("update", lambda event, convs: updates.extend((c.key, c.show_name) for c in convs))
    alice.create_group("Team", "team", "public", face_url="https://example.com/a.png")
    assert alice.conversation("team", "group").raw["conv_face_url"] == "https://example.com/a.png"
    alice.modify_group_info("team", name="Renamed", face_url="https://example.com/b.png", notification="hello")
    team = alice.conversation("team", "group")
    assert (team.show_name, team.raw["conv_face_url"]) == ("Renamed", "https://example.com/b.png")
    assert ("group_team", "Renamed") in updates
    tip = wait_until(lambda: next((t for t in tips if t.tip_type is GroupTipType.GROUP_INFO_CHANGE), None))
    assert (tip.op_user, tip.group_id) == ("alice", "team")
    assert set(tip.changes) == {GroupInfoChange(GroupInfoChangeFlag.NAME, "Renamed"),
                                GroupInfoChange(GroupInfoChangeFlag.FACE_URL, "https://example.com/b.png"),
                                GroupInfoChange(GroupInfoChangeFlag.NOTIFICATION, "hello")}
    info = alice.groups_info(["team"])["team"]
    assert (info.name, info.notification, info.face_url, info.info_seq) == (
        "Renamed", "hello", "https://example.com/b.png", 1)  # 1643: 群资料的每次变更都会增加这个字段的值
    assert team.last_message_text == "[alice changed the group]"


def test_options_mute_all_and_their_change_values(alice: Client) -> None:
    tips = []
    alice.on("group_tip", tips.append)
    alice.create_group("Open", "open", "public", members=["bob"])
    alice.modify_group_info("open", add_option=GroupAddOption.ANY, mute_all=True, max_members=50)
    info = alice.groups_info(["open"])["open"]
    assert (info.add_option, info.muted_all, info.max_members) == (GroupAddOption.ANY, True, 50)
    tip = wait_until(lambda: next((t for t in tips if t.tip_type is GroupTipType.GROUP_INFO_CHANGE), None))
    # 1.1: 0x08 全员禁言字段变更 (bool_value), 0x0B 申请加群方式下管理员审批选项变更 (int_value);
    # the maximum has no flag.
    assert set(tip.changes) == {GroupInfoChange(GroupInfoChangeFlag.SHUTUP_ALL, True),
                                GroupInfoChange(GroupInfoChangeFlag.GROUP_ADD_OPT, 2)}
    alice.send_text("open", "the owner still speaks", "group")  # muting everyone leaves the owner a voice
    bob = as_user(alice, "bob")
    with pytest.raises(GroupPermissionError, match="10017"):  # TIMErrorCode.h 356: 因被禁言而不能发送消息
        bob.send_text("open", "me too", "group")
    alice = as_user(bob, "alice")
    alice.modify_group_info("open", mute_all=False)
    as_user(alice, "bob").send_text("open", "now me", "group")


def test_who_may_change_what_by_group_type(alice: Client) -> None:
    # TIMGroupManager.h 629-635: 只有群主才有权限进行群转让操作; 直播大群不能进行群转让操作; 对于公开群、聊天室和直播
    # 大群，只有群主或者管理员可以修改群简介; 对于私有群，任何人可修改群简介.
    alice.create_group("Pub", "pub", "public", members=["bob", ("carol", MemberRole.ADMIN)])
    alice.create_group("Work", "work", "work", members=["bob"])
    alice.create_group("Live", "live", "live")
    with pytest.raises(GroupPermissionError, match="Live group"):
        alice.modify_group_info("live", owner="alice2")
    bob = as_user(alice, "bob")
    with pytest.raises(GroupPermissionError, match="owner or an admin"):
        bob.modify_group_info("pub", introduction="mine now")
    bob.modify_group_info("work", introduction="anyone of a Work group")
    with pytest.raises(GroupPermissionError, match="only the owner transfers"):
        bob.modify_group_info("work", owner="bob")
    carol = as_user(bob, "carol")
    carol.modify_group_info("pub", introduction="an admin may")
    with pytest.raises(GroupPermissionError, match="not a member"):
        carol.modify_group_info("work", name="x")
    alice = as_user(carol, "alice")
    alice.modify_group_info("pub", owner="bob")
    roles = {m.user_id: m.role for m in alice.member_list("pub")}
    assert roles == {"alice": MemberRole.NORMAL, "bob": MemberRole.OWNER, "carol": MemberRole.ADMIN}
    assert alice.groups_info(["pub"])["pub"].owner == "bob"
    with pytest.raises(InvalidParameterError, match="must be one of its members"):
        as_user(alice, "bob").modify_group_info("pub", owner="dave")


def test_the_vendors_limits_and_codes(alice: Client) -> None:
    alice.create_group("Team", "team", "public")
    base = {"group_modify_info_param_group_id": "team"}
    # TIMErrorCode.h 87-90: name 30 bytes (8502), introduction 240 (8503), notification 300 (8504), face URL 100 (8505)
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 1,
                          "group_modify_info_param_group_name": "\u7fa4" * 11})[0] == 8502  # 33 bytes
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 1,
                          "group_modify_info_param_group_name": "\u7fa4" * 10})[0] == 0  # 30 bytes
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 1, "group_modify_info_param_group_name": ""}
                  )[0] == 8502
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 4,
                          "group_modify_info_param_introduction": "i" * 241})[0] == 8503
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 2,
                          "group_modify_info_param_notification": "n" * 301})[0] == 8504
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 8,
                          "group_modify_info_param_face_url": "f" * 101})[0] == 8505
    # 1696: 当 modify_flag 包含 kTIMGroupModifyInfoFlag_Name 时必填
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 1})[0] == 10004
    # 1716: 修改群主时 modify_flag 不能包含其他值; the vendor's example flag -2147483648 (652)
    code, desc = modify(alice, {**base, "group_modify_info_param_modify_flag": -2147483648 | 1,
                                "group_modify_info_param_owner": "bob", "group_modify_info_param_group_name": "x"})
    assert code == 10004 and "alone" in desc
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 1 << 9})[0] == 10004  # custom: not kept
    assert modify(alice, {**base, "group_modify_info_param_modify_flag": 0})[0] == 10004
    assert modify(alice, {"group_modify_info_param_group_id": "nope", "group_modify_info_param_modify_flag": 1,
                          "group_modify_info_param_group_name": "x"})[0] == 10010
    assert alice.groups_info(["team"])["team"].name == "\u7fa4" * 10  # only the good change was made
    native = alice.native
    for bad in (b"[]", b"{}", b'{"group_modify_info_param_group_id": "team"}',
                b'{"group_modify_info_param_group_id": "team", "group_modify_info_param_modify_flag": "1"}',
                b'{"group_modify_info_param_group_id": "team", "group_modify_info_param_modify_flag": 1,'
                b' "group_modify_info_param_group_name": 5}'):
        assert native.call_and_wait("TIMGroupModifyGroupInfo", bad, timeout=10)[0] == -3, bad  # TIM_ERR_JSON
    with pytest.raises(ValueError, match="30 bytes"):
        alice.modify_group_info("team", name="n" * 31)
    with pytest.raises(ValueError, match="alone"):
        alice.modify_group_info("team", name="n", owner="bob")
    # at creation too (TIMErrorCode.h 87)
    too_long = json.dumps({"create_group_param_group_name": "n" * 31}).encode()
    result, reply = native.call_and_wait("TIMGroupCreate", too_long, timeout=10)
    assert (result, reply[0]) == (0, 8502)


def test_a_rename_reaches_members_in_other_processes(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Class", "class", "meeting")
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            bob.join_group("class")
            assert bob.conversation("class", "group").show_name == "Class"
            bob.events()
            alice.modify_group_info("class", name="Class of 2026", face_url="https://example.com/c.png")
            heard: list = []

            def bob_heard() -> bool:
                heard.extend(bob.events())
                return any(event == "update" and "group_class" in keys for event, keys in heard) and any(
                    event == "group_tip" and "changed the group" in summary for event, summary in heard)

            assert wait_until(bob_heard), heard
            conv = bob.conversation("class", "group")
            assert (conv.show_name, conv.raw["conv_face_url"]) == ("Class of 2026", "https://example.com/c.png")
            assert bob.groups_info(["class"])["class"].name == "Class of 2026"


def test_a_version_1_registry_is_brought_up_to_date(tmp_path: Path) -> None:
    """A groups.db made before information changes (schema version 1) gains their columns when opened."""
    folder = tmp_path / "data" / "timconv" / "1400000001"
    folder.mkdir(parents=True)
    with sqlite3.connect(folder / "groups.db") as db:
        db.executescript(
            "CREATE TABLE im_group (group_id TEXT PRIMARY KEY, group_type INTEGER NOT NULL, name TEXT NOT NULL,"
            " introduction TEXT NOT NULL, notification TEXT NOT NULL, face_url TEXT NOT NULL,"
            " add_option INTEGER NOT NULL, max_member INTEGER NOT NULL, owner TEXT NOT NULL,"
            " create_time INTEGER NOT NULL, next_seq INTEGER NOT NULL DEFAULT 1,"
            " last_msg_time INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
            "CREATE TABLE im_member (group_id TEXT NOT NULL, user_id TEXT NOT NULL, role INTEGER NOT NULL,"
            " join_time INTEGER NOT NULL, join_order INTEGER NOT NULL, PRIMARY KEY (group_id, user_id)) WITHOUT ROWID;"
            "INSERT INTO im_group VALUES ('old', 2, 'Old', '', '', '', 2, 6000, 'alice', 1, 1, 0);"
            "INSERT INTO im_member VALUES ('old', 'alice', 400, 1, 1);"
            "PRAGMA user_version=1;")
    db.close()
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        assert alice.groups_info(["old"])["old"].info_seq == 0
        alice.modify_group_info("old", name="Renewed")
        assert (alice.groups_info(["old"])["old"].name, alice.member_list("old")[0].name_card) == ("Renewed", "")
    with sqlite3.connect(folder / "groups.db") as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
    db.close()
