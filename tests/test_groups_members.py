"""TIMGroupInviteMember, TIMGroupDeleteMember and TIMGroupModifyMemberInfo on the local engine: who
may invite, remove and change whom by group type, the results per user, the tips every member
receives (in other processes too), mutes and name cards. Each rule cites the vendor's header (SDK
8.0.5906, fetched by ``python -m timconv_nb.vendor fetch``)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import engine_library_path, wait_until
from test_groups import as_user
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.errors import GroupMembershipError, GroupPermissionError, InvalidParameterError
from timconv_nb.membership import GroupTipType, MemberResult, MemberRole


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def raw(client: Client, function: str, param: dict) -> int:
    """A member call with its JSON parameter as given: its callback code."""
    result, reply = client.native.call_and_wait(function, json.dumps(param).encode(), timeout=10)
    assert result == 0, result
    return reply[0]


def tips_of(client: Client) -> list:
    tips: list = []
    client.on("group_tip", tips.append)
    return tips


# ---- invitations: TIMGroupManager.h 1218-1222 (7.4) ----
# 1219: 只有私有群可以拉用户入群; 1221: 直播大群不能邀请用户入群; 1222: 单次邀请的群成员个数不能超过 20.

def test_a_work_groups_members_invite_others_in(alice: Client) -> None:
    tips = tips_of(alice)
    alice.create_group("Work", "work", "work", members=["bob"])
    assert alice.invite_members("work", ["carol", "bob", "carol"]) == {
        "carol": MemberResult.DONE, "bob": MemberResult.ALREADY_MEMBER}  # 12.9: one result per user
    tip = wait_until(lambda: next((t for t in tips if t.users == ("carol",)), None))
    assert (tip.tip_type, tip.join_type, tip.op_user, tip.member_count) == (GroupTipType.INVITE, 2, "alice", 3)
    bob = as_user(alice, "bob")
    bob.invite_members("work", ["dave"])  # any member of a Work group
    assert {m.user_id for m in bob.member_list("work")} == {"alice", "bob", "carol", "dave"}
    dave = as_user(bob, "dave")
    assert dave.conversation("work", "group").last_message_text == "[bob added dave]"
    assert [g.group_id for g in dave.group_list()] == ["work"]


def test_invitation_rules_and_codes(alice: Client) -> None:
    alice.create_group("Live", "live", "live")
    alice.create_group("Small", "small", "work", max_members=2)
    with pytest.raises(GroupPermissionError, match="Live group"):
        alice.invite_members("live", ["bob"])
    with pytest.raises(GroupMembershipError, match="10014"):
        alice.invite_members("small", ["bob", "carol"])
    base = {"group_invite_member_param_group_id": "small"}
    # TIMErrorCode.h 95: 8510 不允许邀请0个成员; 1222: at most 20 (10005, TIMErrorCode.h 344)
    assert raw(alice, "TIMGroupInviteMember", {**base, "group_invite_member_param_identifier_array": []}) == 8510
    assert raw(alice, "TIMGroupInviteMember", {
        **base, "group_invite_member_param_identifier_array": [f"u{i}" for i in range(21)]}) == 10005
    assert raw(alice, "TIMGroupInviteMember", {**base, "group_invite_member_param_identifier_array": [""]}) == 10004
    with pytest.raises(ValueError, match="1 to 20 user ids"):
        alice.invite_members("small", [])
    carol = as_user(alice, "carol")
    with pytest.raises(GroupPermissionError, match="only members invite"):
        carol.invite_members("small", ["carol"])
    for bad in (b"{}", b'{"group_invite_member_param_group_id": "small"}',
                b'{"group_invite_member_param_group_id": "small", "group_invite_member_param_identifier_array": [1]}'):
        assert carol.native.call_and_wait("TIMGroupInviteMember", bad, timeout=10)[0] == -3, bad


# ---- removals: TIMGroupManager.h 1265-1267 (7.5) ----
# 1265: 对于私有群：只有创建者可删除群组成员; 1266: 对于公开群和聊天室：只有管理员和群主可以踢人.

def test_removal_rules_by_group_type_and_rank(alice: Client) -> None:
    alice.create_group("Work", "work", "work", members=["bob", "carol"])
    alice.create_group("Meet", "meet", "meeting", members=[("bob", MemberRole.ADMIN), "carol", ("dave", 300)])
    bob = as_user(alice, "bob")
    with pytest.raises(GroupPermissionError, match="only the owner removes"):
        bob.remove_members("work", ["carol"])
    with pytest.raises(GroupPermissionError, match="own rank or above"):
        bob.remove_members("meet", ["dave"])  # an admin removes members, not admins
    assert bob.remove_members("meet", ["carol", "erin"]) == {"carol": MemberResult.DONE, "erin": MemberResult.FAILED}
    carol = as_user(bob, "carol")
    with pytest.raises(GroupPermissionError, match="not a member of meet"):
        carol.remove_members("meet", ["bob"])
    assert [g.group_id for g in carol.group_list()] == ["work"]
    assert carol.conversation("meet", "group").last_message_text == "[bob removed carol]"  # she is told, and keeps it
    alice = as_user(carol, "alice")
    assert alice.remove_members("meet", ["dave"]) == {"dave": MemberResult.DONE}  # the owner removes admins
    with pytest.raises(GroupPermissionError, match="own rank"):
        alice.remove_members("meet", ["alice"])  # the owner leaves by dismissing, not by removing herself
    assert alice.groups_info(["meet"])["meet"].member_count == 2


def test_a_removal_reaches_the_removed_in_another_process(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Class", "class", "work", members=["bob", "carol"])
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            bob.events()
            alice.remove_members("class", ["bob"])
            heard: list = []
            assert wait_until(lambda: heard.extend(bob.events()) or any(
                event == "group_tip" and "alice removed bob" in summary for event, summary in heard)), heard
            assert bob.group_list() == []
            with pytest.raises(GroupPermissionError, match="not a member"):
                bob.send_text("class", "still here?", "group")


# ---- a member's information: TIMGroupManager.h 1180-1181 (7.3) ----
# 1180: 只有群主或者管理员可以进行对群成员的身份进行修改; 1181: 只有群主或者管理员可以进行对群成员进行禁言.

def test_roles_set_and_cancel_admins_with_tips(alice: Client) -> None:
    tips = tips_of(alice)
    alice.create_group("Pub", "pub", "public", members=["bob", "carol"])
    alice.modify_member_info("pub", "bob", role=MemberRole.ADMIN)
    assert wait_until(lambda: any(t.tip_type is GroupTipType.SET_ADMIN and t.users == ("bob",) for t in tips))
    bob = as_user(alice, "bob")
    with pytest.raises(GroupPermissionError, match="lower rank"):
        bob.modify_member_info("pub", "bob", role=MemberRole.NORMAL)  # not one's own rank
    carol = as_user(bob, "carol")
    with pytest.raises(GroupPermissionError, match="owner or an admin"):
        carol.modify_member_info("pub", "bob", role=MemberRole.NORMAL)
    alice = as_user(carol, "alice")
    tips.clear()
    alice.modify_member_info("pub", "bob", role=MemberRole.NORMAL)
    assert wait_until(lambda: any(t.tip_type is GroupTipType.CANCEL_ADMIN for t in tips))
    assert {m.user_id: m.role for m in alice.member_list("pub")}["bob"] is MemberRole.NORMAL
    with pytest.raises(ValueError, match="NORMAL or ADMIN"):
        alice.modify_member_info("pub", "bob", role=MemberRole.OWNER)
    param = {"group_modify_member_info_group_id": "pub", "group_modify_member_info_identifier": "bob"}
    assert raw(alice, "TIMGroupModifyMemberInfo", {**param, "group_modify_member_info_modify_flag": 2,
                                                   "group_modify_member_info_member_role": 400}) == 10004
    assert raw(alice, "TIMGroupModifyMemberInfo", {**param, "group_modify_member_info_modify_flag": 2}) == 10004
    assert raw(alice, "TIMGroupModifyMemberInfo", {**param, "group_modify_member_info_modify_flag": 1,
                                                   "group_modify_member_info_msg_flag": 1}) == 10004
    assert raw(alice, "TIMGroupModifyMemberInfo", {**param, "group_modify_member_info_identifier": "zed",
                                                   "group_modify_member_info_modify_flag": 8,
                                                   "group_modify_member_info_name_card": "z"}) == 10004


def test_a_mute_silences_a_member_until_lifted(alice: Client) -> None:
    tips = tips_of(alice)
    alice.create_group("Pub", "pub", "public", members=["bob"])
    alice.modify_member_info("pub", "bob", mute_seconds=600)
    tip = wait_until(lambda: next((t for t in tips if t.tip_type is GroupTipType.MEMBER_INFO_CHANGE), None))
    # 9.2 GroupTipMemberChangeInfo: the member and the mute time
    assert tip.raw["group_tips_elem_member_change_info_array"] == [
        {"group_tips_member_change_info_identifier": "bob", "group_tips_member_change_info_shutupTime": 600}]
    [bob_info] = alice.member_list("pub", user_ids=["bob"])
    assert bob_info.muted_until is not None and bob_info.muted_until > datetime.now(timezone.utc)
    bob = as_user(alice, "bob")
    with pytest.raises(GroupPermissionError, match="10017"):  # TIMErrorCode.h 356: 因被禁言而不能发送消息
        bob.send_text("pub", "hello?", "group")
    alice = as_user(bob, "alice")
    alice.modify_member_info("pub", "bob", mute_seconds=0)
    assert alice.member_list("pub", user_ids=["bob"])[0].muted_until is None
    as_user(alice, "bob").send_text("pub", "thanks", "group")


def test_name_cards_are_ones_own_or_the_admins(alice: Client) -> None:
    alice.create_group("Pub", "pub", "public", members=["bob", "carol"])
    bob = as_user(alice, "bob")
    bob.modify_member_info("pub", "bob", name_card="Bobby")
    with pytest.raises(GroupPermissionError):
        bob.modify_member_info("pub", "carol", name_card="Caz")
    # TIMErrorCode.h 91: 8506 群名片最长50字节
    assert raw(bob, "TIMGroupModifyMemberInfo", {
        "group_modify_member_info_group_id": "pub", "group_modify_member_info_identifier": "bob",
        "group_modify_member_info_modify_flag": 8, "group_modify_member_info_name_card": "n" * 51}) == 8506
    with pytest.raises(ValueError, match="50 bytes"):
        bob.modify_member_info("pub", "bob", name_card="n" * 51)
    alice = as_user(bob, "alice")
    alice.modify_member_info("pub", "carol", name_card="Caz")
    cards = alice.members("pub")["name_card"]
    assert (cards["bob"], cards["carol"], cards["alice"]) == ("Bobby", "Caz", "")
    with pytest.raises(InvalidParameterError):
        alice.modify_member_info("pub", "zed", name_card="nobody")
