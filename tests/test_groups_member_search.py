"""TIMGroupSearchGroupMembers on the local engine (TIMGroupManager.h 7.2, 12.4, 12.5, 1.9; SDK 8.0.5906,
fetched by ``python -m timconv_nb.vendor fetch``): the keywords, the fields searched, the groups
searched, and the result's shape."""

from __future__ import annotations

import json

import pytest

from test_groups import as_user
from timconv_nb import Client

ALL_FIELDS = [1, 2, 8]  # TIMGroupMemberSearchFieldKey: Identifier, NickName, NameCard (1.9, 194-203)


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def search(client: Client, param: dict) -> tuple[int, str, object]:
    """TIMGroupSearchGroupMembers with a GroupMemberSearchParam as given: (code, description, result)."""
    result, reply = client.native.call_and_wait("TIMGroupSearchGroupMembers", json.dumps(param).encode(), timeout=10)
    assert result == 0, result
    return reply[0], reply[1], json.loads(reply[2]) if reply[2] else None


def members_found(found: dict) -> dict[str, list[str]]:
    return {group: [m.user_id for m in members] for group, members in found.items()}


# 1123: "SDK 会在本地搜索指定群 ID 列表中，群成员信息（名片、好友备注、昵称、userID）包含于关键字列表
# keywordList 的所有群成员并返回群 ID 和群成员列表的 map，关键字列表最多支持5个"; 1830 (12.4): "指定群 ID 列表，
# 若为不填则搜索全部群中的群成员". The search is the user's: only the groups they are in.
def test_search_by_id_nickname_and_name_card(alice: Client) -> None:
    as_user(alice, "dora").set_self_profile(nickname="Explorer")
    as_user(alice, "zed").create_group("Zed's", "zeds", "meeting", members=["dora"])  # not alice's group
    alice = as_user(alice, "alice")
    alice.create_group("Team", "team", "public", members=["bob", "carol", "dora"])
    alice.create_group("Club", "club", "meeting", members=["bobby", "dora"])
    alice.modify_member_info("team", "carol", name_card="Team Lead")
    assert members_found(alice.search_group_members(["BOB"])) == {"team": ["bob"], "club": ["bobby"]}
    assert members_found(alice.search_group_members(["lead"])) == {"team": ["carol"]}  # the name card
    assert members_found(alice.search_group_members(["explor"])) == {"team": ["dora"], "club": ["dora"]}
    assert members_found(alice.search_group_members(["explor"], ["club", "zeds"])) == {"club": ["dora"]}
    assert alice.search_group_members(["explor"], ["club"])["club"][0].nick_name == "Explorer"  # why she was found
    assert members_found(alice.search_group_members(["bob", "lead"], by_id=False)) == {"team": ["carol"]}
    assert members_found(alice.search_group_members(["explorer"], by_nick_name=False)) == {}
    assert members_found(alice.search_group_members(["nobody"])) == {}


# 1145-1165 (the callback's json_param) and 12.5 (1838-1842): one GroupSearchGroupMembersResult per group,
# its group id and GroupMemberInfo list (10.1: identifier, group, join time, role, name card, mute,
# nickname).
def test_the_result_shape(alice: Client) -> None:
    alice.create_group("Team", "team", "public", members=["bob"])
    code, _, found = search(alice, {"group_search_member_params_keyword_list": ["bob"],
                                    "group_search_member_params_field_list": [1]})
    assert code == 0
    assert isinstance(found, list) and len(found) == 1
    (result,) = found
    assert result["group_search_member_result_groupid"] == "team"
    (member,) = result["group_search_member_result_member_info_list"]
    assert {k: member[k] for k in ("group_member_info_identifier", "group_member_info_group_id",
                                   "group_member_info_member_role", "group_member_info_name_card",
                                   "group_member_info_shutup_time", "group_member_info_nick_name")} == {
        "group_member_info_identifier": "bob", "group_member_info_group_id": "team",
        "group_member_info_member_role": 200, "group_member_info_name_card": "",
        "group_member_info_shutup_time": 0, "group_member_info_nick_name": ""}
    assert member["group_member_info_join_time"] > 0


# 1832 (12.4): "搜索关键字列表，最多支持5个" (必填): 1 to 5 (6017, ERR_INVALID_PARAMETERS, TIMErrorCode.h 23);
# 1835: the field list is required too. A friend remark (field 4, 200) is the viewer's: the local
# engine keeps no friends, so it finds nobody.
def test_keywords_and_fields(alice: Client) -> None:
    alice.create_group("Team", "team", "public", members=["bob"])
    for keywords in ([], ["a", "b", "c", "d", "e", "f"]):
        code, desc, _ = search(alice, {"group_search_member_params_keyword_list": keywords,
                                       "group_search_member_params_field_list": ALL_FIELDS})
        assert (code, desc) == (6017, "give 1 to 5 keywords")
    code, desc, _ = search(alice, {"group_search_member_params_keyword_list": ["bob"],
                                   "group_search_member_params_field_list": []})
    assert code == 6017 and "fields" in desc
    assert search(alice, {"group_search_member_params_keyword_list": ["bob"],
                          "group_search_member_params_field_list": [4]})[:3:2] == (0, [])
    missing_fields = b'{"group_search_member_params_keyword_list": ["x"]}'
    assert alice.native.call_and_wait("TIMGroupSearchGroupMembers", missing_fields, timeout=10)[0] == -3
    with pytest.raises(ValueError, match="1 to 5"):
        alice.search_group_members(["a", "b", "c", "d", "e", "f"])
    with pytest.raises(ValueError, match="search the ids"):
        alice.search_group_members(["bob"], by_id=False, by_nick_name=False, by_name_card=False)
