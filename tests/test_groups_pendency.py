"""Requests to join a Public group that asks for approval: TIMGroupJoin leaves them waiting, the
owner and admins are told and list them (TIMGroupGetPendencyList), accept or refuse each once
(TIMGroupHandlePendency) and mark them read (TIMGroupReportPendencyReaded), across processes. Each
rule cites the vendor's header (SDK 8.0.5906, fetched by ``python -m timconv_nb.vendor fetch``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import engine_library_path, wait_until
from test_groups import as_user
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.errors import GroupMembershipError, GroupPermissionError, InvalidParameterError
from timconv_nb.membership import GroupAddOption, GroupTipType, MemberRole


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


# TIMGroupManager.h 484: 如果群组设置为需要审核，申请后管理员和群主会受到申请入群系统消息，需要等待管理员或者群主审核.
# 1343-1344: 群管理员可获取此未决相关信息，UserA 因为没有审批权限，不需要获取此未决信息.
# 1380: 已处理成功过的未决信息不能再次处理.

def test_a_request_waits_for_an_admin_who_accepts_it(alice: Client) -> None:
    alice.create_group("Club", "club", "public", members=[("carol", MemberRole.ADMIN)])  # Auth by default
    assert alice.groups_info(["club"])["club"].add_option is GroupAddOption.AUTH
    bob = as_user(alice, "bob")
    bob.join_group("club", "let me in")  # succeeds: the request is made
    assert bob.group_list() == [] and bob.group_pendency_list() == []  # not a member; nothing to approve
    carol = as_user(bob, "carol")
    [request] = carol.group_pendency_list()
    assert (request.group_id, request.from_user, request.message, request.pendency_type, request.handled) == (
        "club", "bob", "let me in", 0, 0)
    report = carol.conversation("club", "group").last_message["message_elem_array"][0]  # the admins' notice (484)
    assert (report["group_report_elem_report_type"], report["group_report_elem_msg"]) == (1, "let me in")  # AddRequest
    tips: list = []
    carol.on("group_tip", tips.append)
    carol.handle_group_pendency(request, accept=True, message="welcome")
    assert wait_until(lambda: any(t.tip_type is GroupTipType.INVITE and t.users == ("bob",) for t in tips))
    with pytest.raises(GroupMembershipError, match="10024"):  # TIMErrorCode.h 361: 已经被处理
        carol.handle_group_pendency(request, accept=False)
    [seen] = carol.group_pendency_list()
    assert (seen.handled, seen.handle_result, seen.approver) == (2, 1, "carol")  # 1.13: 操作方处理
    alice = as_user(carol, "alice")
    assert alice.group_pendency_list()[0].handled == 1  # 1.13: 他人处理
    assert "bob" in {m.user_id for m in alice.member_list("club")}


def test_a_refusal_reaches_the_requester_and_only_approvers_handle(alice: Client) -> None:
    alice.create_group("Club", "club", "public", members=["dave"])
    bob = as_user(alice, "bob")
    bob.join_group("club")
    dave = as_user(bob, "dave")
    assert dave.group_pendency_list() == []  # a member without approval rights sees nothing
    alice = as_user(dave, "alice")
    [request] = alice.group_pendency_list()
    dave = as_user(alice, "dave")
    with pytest.raises(GroupPermissionError, match="owner or an admin"):
        dave.handle_group_pendency(request, accept=True)
    alice = as_user(dave, "alice")
    alice.handle_group_pendency(request, accept=False, message="sorry")
    bob = as_user(alice, "bob")
    assert bob.group_list() == []
    refusal = bob.conversation("club", "group").last_message["message_elem_array"][0]
    assert (refusal["group_report_elem_report_type"], refusal["group_report_elem_msg"]) == (3, "sorry")
    bob.join_group("club", "again?")  # asking again makes a new request
    alice = as_user(bob, "alice")
    assert [(p.message, p.handled) for p in alice.group_pendency_list()] == [("again?", 0)]
    param = {"group_handle_pendency_param_pendency": {"group_pendency_group_id": "club",
                                                      "group_pendency_form_identifier": "zed"}}
    result, reply = alice.native.call_and_wait("TIMGroupHandlePendency", json.dumps(param).encode(), timeout=10)
    assert (result, reply[0]) == (0, 10004)
    with pytest.raises(InvalidParameterError, match="no such request"):
        alice.handle_group_pendency({**request.raw, "group_pendency_form_identifier": "zed"}, accept=True)


def test_the_read_time_counts_what_is_unread(alice: Client) -> None:
    alice.create_group("Club", "club", "public")
    for user in ("bob", "carol"):
        as_user(alice, user).join_group("club")
    alice = as_user(alice, "alice")

    def pendency_result() -> dict:
        result, reply = alice.native.call_and_wait("TIMGroupGetPendencyList",
                                                   b'{"group_pendency_option_start_time": 0}', timeout=10)
        assert (result, reply[0]) == (0, 0)
        return json.loads(reply[2])

    first = pendency_result()
    assert (first["group_pendency_result_unread_num"], first["group_pendency_result_read_time_seq"]) == (2, 0)
    newest = max(p["group_pendency_add_time"] for p in first["group_pendency_result_pendency_array"])
    alice.report_group_pendency_read(newest)  # 8.3: 时间戳time_stamp以前的群未决请求都将置为已读
    after = pendency_result()
    assert (after["group_pendency_result_unread_num"], after["group_pendency_result_read_time_seq"]) == (0, newest)
    assert len(after["group_pendency_result_pendency_array"]) == 2  # 仍然可以拉取到这些未决信息
    assert alice.native.call_and_wait("TIMGroupGetPendencyList", b"{}", timeout=10)[0] == -3  # start_time: 必填


def test_an_acceptance_reaches_the_requester_in_another_process(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Club", "club", "public")
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            bob.join_group("club", "hi")
            heard: list = []
            assert wait_until(lambda: len(alice.group_pendency_list()) == 1)
            alice.handle_group_pendency(alice.group_pendency_list()[0], accept=True)
            assert wait_until(lambda: heard.extend(bob.events()) or any(
                event == "group_tip" and "bob joined" in summary for event, summary in heard)), heard
            assert [g.group_id for g in bob.group_list()] == ["club"]
