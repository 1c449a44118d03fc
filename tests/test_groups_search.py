"""TIMGroupSearchGroups and TIMGroupGetOnlineMemberCount on the local engine (TIMGroupManager.h
5.2, 5.8; SDK 8.0.5906, fetched by ``python -m timconv_nb.vendor fetch``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_library_path, wait_until
from test_groups import as_user
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.errors import GroupNotFoundError, GroupPermissionError


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def test_search_finds_the_users_groups_by_name_or_id(alice: Client) -> None:
    # 563: SDK 会搜索群名称包含于关键字列表 keywordList 的所有群并返回群信息列表。关键字列表最多支持5个。
    alice.create_group("Book Club", "books", "meeting")
    alice.create_group("Chess club", "chess", "meeting")
    alice.create_group("Running", "run-club", "meeting")
    as_user(alice, "bob").create_group("Bob's club", "bobs", "meeting")  # not alice's: never found
    alice = as_user(alice, "alice")
    assert [g.group_id for g in alice.search_group_list(["CLUB"])] == ["books", "chess"]  # names, any case
    assert [g.group_id for g in alice.search_group_list(["club"], by_id=True, by_name=False)] == ["run-club"]
    assert [g.group_id for g in alice.search_group_list(["chess", "run"], by_id=True)] == ["chess", "run-club"]
    assert alice.search_group_list(["tennis"]) == []
    found = alice.search_group_list(["book"])[0]
    assert (found.name, found.owner, found.member_count) == ("Book Club", "alice", 1)  # GroupDetailInfo
    with pytest.raises(ValueError, match="1 to 5"):
        alice.search_group_list([f"k{i}" for i in range(6)])
    result, reply = alice.native.call_and_wait(
        "TIMGroupSearchGroups", b'{"group_search_params_keyword_list": ["a","b","c","d","e","f"]}', timeout=10)
    assert (result, reply[0]) == (0, 6017)
    assert alice.native.call_and_wait("TIMGroupSearchGroups", b'{"group_search_params_keyword_list": [1]}',
                                      timeout=10)[0] == -3


def test_the_online_count_is_who_is_logged_in_now(tmp_path: Path) -> None:
    # 5.8: 获取指定群在线人数 (all group types since 7.3)
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Team", "team", "work", members=["bob", "carol"])
        assert alice.online_member_count("team") == 1  # alice herself
        with Classroom(alice, ["bob"]) as peers:
            assert wait_until(lambda: alice.online_member_count("team") == 2)
            peers["bob"].logout()
            assert wait_until(lambda: alice.online_member_count("team") == 1)
        with pytest.raises(GroupNotFoundError):
            alice.online_member_count("nowhere")
        alice.create_group("Other", "other", "meeting")
        alice.login("dave")
        with pytest.raises(GroupPermissionError, match="only members"):
            alice.online_member_count("other")
