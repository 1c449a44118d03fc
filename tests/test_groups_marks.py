"""TIMGroupMarkGroupMemberList on the local engine (TIMGroupManager.h 7.6; SDK 8.0.5906, fetched by
``python -m timconv_nb.vendor fetch``): who may mark, the mark values and limits, the
kTIMGroupTip_MemberMarkChange tip every member receives, and the marks as TIMGroupGetMemberInfoList
shows them."""

from __future__ import annotations

import queue
from pathlib import Path

import pytest

from conftest import engine_library_path
from test_groups import as_user
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.errors import GroupPermissionError, InvalidParameterError
from timconv_nb.membership import GroupTipType, MemberRole

WAIT = 10.0


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def live_group_with(client: Client, members: list[str]) -> Client:
    """alice's Live group "live", joined by members; alice logged in again."""
    client.create_group("Live", "live", "live")
    for member in members:
        as_user(client, member).join_group("live")
    return as_user(client, "alice")


# 1299-1300: "mark_type 标记类型。数字类型，大于等于 1000，您可以自定义"; "enable_mark true 表示添加标记，false 表示移除
# 标记". 1075: "如果设置 kTIMGroupMemberGetInfoOptionRoleFlag 为群成员自定义标记，旗舰版支持拉取指定标记的成员列表".
def test_marked_members_are_listed_by_their_mark(alice: Client) -> None:
    alice = live_group_with(alice, ["bob", "carol", "dave"])
    alice.mark_group_members("live", ["bob", "carol"], 1000)
    alice.mark_group_members("live", ["carol"], 30005)
    assert [m.user_id for m in alice.member_list("live", roles=1000)] == ["bob", "carol"]
    assert [m.user_id for m in alice.member_list("live", roles=30005)] == ["carol"]
    assert [m.user_id for m in alice.member_list("live", roles=4)] == ["bob", "carol", "dave"]  # roles still work
    alice.mark_group_members("live", ["bob"], 1000, enable=False)
    assert [m.user_id for m in alice.member_list("live", roles=1000)] == ["carol"]
    alice.mark_group_members("live", ["carol"], 1000)  # marked twice: once
    assert [m.user_id for m in alice.member_list("live", roles=1000)] == ["carol"]
    # A member who leaves takes no mark back when they return.
    as_user(alice, "carol").quit_group("live")
    as_user(alice, "carol").join_group("live")
    assert as_user(alice, "alice").member_list("live", roles=1000) == []
    with pytest.raises(ValueError, match="mark type"):
        alice.member_list("live", roles=999)


# 1306-1307: "仅支持直播群"; "只有群主才有权限标记群组中其他人" (10007, ERR_SVR_GROUP_PERMISSION_DENY, TIMErrorCode.h
# 346). 1299: "大于等于 1000" (TIM_ERR_PARAM below), "一个直播群里最多允许定义 10 个标记" (10004); the members
# marked are members (10004).
def test_who_marks_and_the_limits(alice: Client) -> None:
    alice.create_group("Meeting", "meeting", "meeting", members=["bob"])
    with pytest.raises(GroupPermissionError, match="Live group"):
        alice.mark_group_members("meeting", ["bob"], 1000)
    alice = live_group_with(alice, ["bob", "carol"])
    alice.modify_member_info("live", "bob", role=MemberRole.ADMIN)
    with pytest.raises(GroupPermissionError, match="only the owner") as refused:
        as_user(alice, "bob").mark_group_members("live", ["carol"], 1000)
    assert refused.value.code == 10007
    alice = as_user(alice, "alice")
    with pytest.raises(InvalidParameterError, match="only members") as refused:
        alice.mark_group_members("live", ["carol", "stranger"], 1000)
    assert refused.value.code == 10004
    for mark in range(1000, 1010):
        alice.mark_group_members("live", ["carol"], mark)
    alice.mark_group_members("live", ["bob"], 1009)  # a type the group has already
    with pytest.raises(InvalidParameterError, match="at most 10 mark types"):
        alice.mark_group_members("live", ["bob"], 1010)
    alice.mark_group_members("live", ["alice"], 1000)  # the owner marks herself too
    with pytest.raises(ValueError, match="mark_type"):
        alice.mark_group_members("live", ["bob"], 999)
    assert alice.native.call_and_wait("TIMGroupMarkGroupMemberList", b"live", b'["bob"]', 999, True,
                                      timeout=10)[0] == -4
    assert alice.native.call_and_wait("TIMGroupMarkGroupMemberList", b"live", b"[]", 1000, True, timeout=10)[0] == -4
    with pytest.raises(ValueError, match="at least one"):
        alice.mark_group_members("live", [], 1000)


# 9.3 (1468-1474) GroupTipMemberMarkChangeInfo and 9.4 (1506-1507): a kTIMGroupTip_MemberMarkChange tip
# (1.2, 88) "针对所有群成员" (1478-1479), in every member's process.
def test_every_member_hears_the_mark_tip(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        tips: queue.Queue = queue.Queue()
        alice.on("group_tip", lambda tip: tips.put(tip))
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            bob.create_group("Bob's live", "bobs", "live")
            alice.join_group("bobs")
            assert tips.get(timeout=WAIT).tip_type is GroupTipType.INVITE  # her own joining
            bob.mark_group_members("bobs", ["alice"], 2000)
            tip = tips.get(timeout=WAIT)
            assert (tip.tip_type, tip.op_user, tip.users) == (GroupTipType.MEMBER_MARK_CHANGE, "bob", ("alice",))
            assert tip.raw["group_tips_elem_member_mark_info_array"] == [{
                "group_tips_member_mark_change_info_enableMark": True,
                "group_tips_member_mark_change_info_markType": 2000,
                "group_tips_member_mark_change_info_userIDList": ["alice"]}]
            assert "bob marked alice (2000)" in tip.summary
            bob.mark_group_members("bobs", ["alice"], 2000, enable=False)
            assert "bob unmarked alice" in tips.get(timeout=WAIT).summary
