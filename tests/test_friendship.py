"""Friendship (TIMFriendshipManager.h) on the local engine: friends, requests by the target's add
permission, the block list, friend groups, remarks as conversation names, and the callbacks in the
processes the vendor says. Each behaviour cites the vendor's header (SDK 8.0.5906, fetched by
``python -m timconv_nb.vendor fetch``; FM is TIMFriendshipManager.h, EC TIMErrorCode.h). Where
another user sees a change, that user runs in another process (tests/friend_peer.py), and the
tests wait on the events themselves."""

from __future__ import annotations

import json
import queue
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from conftest import engine_library_path
from friend_peer import EVENTS, EventQueue, FriendPeer, summary
from timconv_nb import Client
from timconv_nb.errors import BlockedError, FriendshipError, InvalidParameterError
from timconv_nb.frames import FRIEND_DTYPES
from timconv_nb.friends import FriendType, PendencyType, Relation, ResponseAction, SearchField
from timconv_nb.profiles import AddPermission


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def heard(client: Client) -> EventQueue:
    """The events client hears, as the peers' are summarised."""
    events: queue.Queue = queue.Queue()
    for event in EVENTS:
        client.on(event, lambda *args, event=event: events.put((event, summary(event, args))))
    return EventQueue(events)


@pytest.fixture
def alice(data: Path) -> Iterator[Client]:
    with Client(data, library=engine_library_path()) as client:
        client.login("alice")
        yield client


def peer(data: Path, user: str, permission: AddPermission | None = None) -> FriendPeer:
    one = FriendPeer(data, user, engine_library_path())
    if permission is not None:
        one.set_self_profile(add_permission=permission)
    return one


@pytest.fixture
def bob(data: Path, alice: Client) -> Iterator[FriendPeer]:
    one = peer(data, "bob", AddPermission.ALLOW_ANY)
    yield one
    one.close()


def raw(client: Client, function: str, *args) -> tuple[int, int, str, str]:
    """The TIMResult, then the callback's code, description and JSON."""
    result, reply = client.native.call_and_wait(function, *args, timeout=10)
    return (result, *reply) if reply else (result, None, "", "")


def add_as(client: Client, user: str, permission: AddPermission) -> None:
    """Sets user's add permission (a profile of their own) and logs client back in as alice."""
    client.login(user)
    client.set_self_profile(add_permission=permission)
    client.login("alice")


# ---- adding: FM 745-771 (add), 35-41 (one way, both ways), EC 265-269 (the codes by add permission) ----

def test_allow_any_makes_friends_both_ways_at_once_and_both_processes_hear_it(alice: Client, bob: FriendPeer) -> None:
    mine = heard(alice)
    result = alice.add_friend("bob", remark="Bobby", group="mates", source="web", wording="hi")
    assert (result.user_id, result.code) == ("bob", 0)
    assert mine.wait_for("friend_added") == ["bob"]  # FM 379: the adder's own processes
    assert bob.events.wait_for("friend_added") == ["alice"]  # both ways: bob's list changed too
    [friend] = alice.friend_list()
    assert (friend.user_id, friend.remark, friend.groups, friend.add_wording) == ("bob", "Bobby", ["mates"], "hi")
    assert friend.add_source == "AddSource_Type_web"  # EC 106: the source takes its prefix (FM 171, 761)
    assert friend.profile.add_permission == AddPermission.ALLOW_ANY and friend.add_time > 0
    assert [f.user_id for f in bob.friend_list()] == ["alice"]
    assert alice.check_friends(["bob", "carol"]) == {"bob": Relation.BOTH, "carol": Relation.NONE}  # FM 63-73
    with pytest.raises(FriendshipError) as refused:  # EC 265: already friends
        alice.add_friend("bob")
    assert refused.value.code == 30015


def test_one_way_add_puts_the_friend_in_ones_own_list_only(alice: Client, bob: FriendPeer) -> None:
    alice.add_friend("bob", friend_type=FriendType.SINGLE)  # FM 37: A has B, B has not A
    assert alice.check_friends(["bob"]) == {"bob": Relation.IN_MY_LIST}
    assert alice.check_friends(["bob"], FriendType.SINGLE) == {"bob": Relation.IN_MY_LIST}
    assert bob.check_friends(["alice"]) == {"alice": Relation.IN_THEIR_LIST}
    assert bob.check_friends(["alice"], FriendType.SINGLE) == {"alice": Relation.NONE}  # one way: own list only
    assert bob.marker({"friend_added"}) == []  # bob's list did not change: nothing told
    assert bob.friend_list() == []
    info = bob.friend_info(["alice"])  # FM 626: the relation type, friend or not
    assert info["alice"][0] == Relation.IN_THEIR_LIST and info["alice"][1].remark == ""


def test_need_confirm_leaves_a_request_the_target_hears_of_and_answers(alice: Client, data: Path) -> None:
    carol = peer(data, "carol", AddPermission.NEED_CONFIRM)
    try:
        mine = heard(alice)
        result = alice.add_friend("carol", wording="it's alice", remark="Caz")
        assert result.code == 30539  # EC 269: only a request was made
        assert carol.events.wait_for("friend_request") == [("alice", "it's alice")]  # FM 412
        assert alice.friend_list() == []
        sent = alice.friend_requests(PendencyType.SEND_OUT)  # FM 843: mine, and theirs
        assert [(r.type, r.user_id, r.add_wording) for r in sent.requests] == [
            (PendencyType.SEND_OUT, "carol", "it's alice")]
        page = carol.friend_requests(PendencyType.COME_IN)
        assert [(r.type, r.user_id) for r in page.requests] == [(PendencyType.COME_IN, "alice")] and page.unread == 1
        carol.respond_to_friend_request("alice", ResponseAction.AGREE_AND_ADD, remark="Ally", group="school")
        assert mine.wait_for("friend_added") == ["carol"]  # the asker's list changed
        assert carol.events.wait_for("friend_requests_deleted") == ["alice"]  # FM 191: agreed
        assert carol.events.wait_for("friend_added") == ["alice"]
        assert {f.user_id: f.remark for f in alice.friend_list()} == {"carol": "Caz"}  # the request's remark
        [mine_at_carol] = carol.friend_list()
        assert (mine_at_carol.remark, mine_at_carol.groups) == ("Ally", ["school"])  # FM 871-874
        assert alice.friend_requests().requests == [] and carol.friend_requests().requests == []
    finally:
        carol.close()


def test_agree_adds_the_target_to_the_askers_list_only(alice: Client, data: Path) -> None:
    add_as(alice, "carol", AddPermission.NEED_CONFIRM)
    carol = peer(data, "carol")
    try:
        alice.add_friend("carol")
        carol.events.wait_for("friend_request")
        carol.respond_to_friend_request("alice", ResponseAction.AGREE)  # FM 55-56: agree
        assert alice.check_friends(["carol"]) == {"carol": Relation.IN_MY_LIST}
        assert carol.friend_list() == []
    finally:
        carol.close()


def test_a_rejected_request_is_deleted_for_both_and_the_asker_hears_it(alice: Client, data: Path) -> None:
    add_as(alice, "carol", AddPermission.NEED_CONFIRM)
    carol = peer(data, "carol")
    try:
        mine = heard(alice)
        alice.add_friend("carol")
        carol.events.wait_for("friend_request")
        carol.respond_to_friend_request("alice", ResponseAction.REJECT)  # FM 59-60
        assert mine.wait_for("friend_requests_deleted") == ["carol"]  # FM 192: one's request refused
        assert carol.events.wait_for("friend_requests_deleted") == ["alice"]  # FM 190: one refused
        assert alice.friend_list() == [] and carol.friend_list() == []
        with pytest.raises(FriendshipError) as gone:  # EC 271: the request is no more
            carol.respond_to_friend_request("alice", ResponseAction.AGREE)
        assert gone.value.code == 30614
    finally:
        carol.close()


def test_deny_any_refuses_with_the_documented_code(alice: Client) -> None:
    add_as(alice, "dave", AddPermission.DENY_ANY)
    with pytest.raises(FriendshipError) as refused:  # EC 267
        alice.add_friend("dave")
    assert refused.value.code == 30516
    assert alice.friend_list() == [] and alice.friend_requests().requests == []


def test_a_user_who_never_chose_needs_confirmation_as_the_servers_default(alice: Client) -> None:
    # Vendor silent on kTIMProfileAddPermission_Unknown: the server's default, AllowType_Type_NeedConfirm.
    assert alice.add_friend("erin").code == 30539


# ---- deleting: FM 774-800, EC 272 ----

def test_delete_one_way_or_both_ways(alice: Client, bob: FriendPeer) -> None:
    alice.add_friend("bob")
    bob.events.wait_for("friend_added")
    mine = heard(alice)
    assert alice.delete_friends(["bob"], FriendType.SINGLE) == {"bob": None}  # only from alice's list
    assert mine.wait_for("friend_deleted") == ["bob"]
    assert bob.check_friends(["alice"]) == {"alice": Relation.IN_MY_LIST}
    assert bob.marker({"friend_deleted"}) == []  # bob's list is as it was
    outcome = bob.delete_friends(["alice", "nobody"])  # both ways
    assert outcome["alice"] is None and outcome["nobody"].code == 31704
    assert bob.friend_list() == [] and alice.check_friends(["bob"]) == {"bob": Relation.NONE}


def test_a_both_way_delete_tells_the_other_user(alice: Client, bob: FriendPeer) -> None:
    alice.add_friend("bob")
    bob.events.wait_for("friend_added")
    alice.delete_friends(["bob"])
    assert bob.events.wait_for("friend_deleted") == ["alice"]  # FM 2.2: bob's list changed


# ---- the remark names the conversation: TIMConversationManager.h 959-965 ----

def test_a_remark_names_the_c2c_conversation_with_an_update_event(alice: Client, bob: FriendPeer) -> None:
    bob.set_self_profile(nickname="Bob")
    alice.create_conversation("bob")
    alice.add_friend("bob")
    events = heard(alice)
    alice.set_friend_profile("bob", remark="Bobby")  # FM 633-670
    assert events.wait_for("friend_profile_updated") == [("bob", ["friend_profile_item_remark"])]  # FM 146-157
    assert events.wait_for("update") == [("c2c_bob", "Bobby")]
    assert alice.conversation("bob").show_name == "Bobby"
    bob.send_text("alice", "hello")  # the delivery shows the recipient's remark, not the nickname
    assert events.wait_for("message") == [("bob", "hello")]
    assert alice.conversation("bob").show_name == "Bobby"
    alice.set_friend_profile("bob", remark="")  # no remark: the nickname
    assert events.wait_for("update") == [("c2c_bob", "Bob")]
    alice.set_friend_profile("bob", remark="B")
    assert events.wait_for("update") == [("c2c_bob", "B")]
    alice.delete_friends(["bob"])  # the remark goes with the friend
    assert events.wait_for("update") == [("c2c_bob", "Bob")]


def test_a_remark_made_earlier_names_a_conversation_made_later(alice: Client) -> None:
    add_as(alice, "bob", AddPermission.ALLOW_ANY)
    alice.add_friend("bob", remark="Bobby")
    assert alice.create_conversation("bob").show_name == "Bobby"
    alice.login("bob")
    assert alice.create_conversation("alice").show_name == "alice"  # the remark is alice's, not bob's


def test_friend_profile_items_groups_and_custom_fields(alice: Client) -> None:
    add_as(alice, "bob", AddPermission.ALLOW_ANY)
    alice.add_friend("bob")
    alice.set_friend_profile("bob", groups=["b", "a"], custom={"Hobby": "chess", "Tag_SNS_Custom_Pet": "cat"})
    [friend] = alice.friend_list()
    assert friend.groups == ["a", "b"] and friend.custom == {"Hobby": "chess", "Pet": "cat"}  # FM 642: the prefix
    keys = [c["friend_profile_custom_string_info_key"] for c in friend.raw["friend_profile_custom_string_array"]]
    assert sorted(keys) == ["Tag_SNS_Custom_Hobby", "Tag_SNS_Custom_Pet"]
    assert [g.name for g in alice.friend_group_list()] == ["a", "b", ]  # the groups named were made


CUSTOM = "friend_profile_custom_string_info_"


@pytest.mark.parametrize("item,code,says", [
    ({"friend_profile_item_remark": "r" * 97}, 9002, "96 bytes"),  # EC 104
    ({"friend_profile_item_group_name_array": [""]}, 9005, "30 bytes"),  # EC 107
    ({"friend_profile_item_group_name_array": ["g" * 31]}, 9005, "30 bytes"),
    ({"friend_profile_item_custom_string_array": [{CUSTOM + "key": "a1", CUSTOM + "value": "x"}]}, 9001, "letters"),
    ({"friend_profile_item_custom_string_array": [{CUSTOM + "key": "Str", CUSTOM + "value": "v" * 501}]}, 9001, "500"),
    ({"friend_profile_item_custom_string_array": [1]}, 6017, "objects"),
    ({"friend_profile_item_unknown": 1}, 6017, "no item"),
])
def test_a_refused_friend_profile_change_answers_the_vendors_code(alice: Client, item, code, says) -> None:
    add_as(alice, "bob", AddPermission.ALLOW_ANY)
    alice.add_friend("bob", remark="kept")
    param = {"friendship_modify_friend_profile_param_identifier": "bob",
             "friendship_modify_friend_profile_param_item": item}
    result, got, desc, _ = raw(alice, "TIMFriendshipModifyFriendProfile", json.dumps(param).encode())
    assert (result, got) == (0, code) and says in desc
    assert alice.friend_list()[0].remark == "kept"


def test_changing_a_non_friends_profile_is_refused(alice: Client) -> None:
    with pytest.raises(InvalidParameterError) as refused:  # vendor silent: 30001, "not a friend"
        alice.set_friend_profile("bob", remark="x")
    assert refused.value.code == 30001 and "not a friend" in refused.value.desc


# ---- requests: FM 834-922 ----

def test_reading_requests_zeroes_the_unread_count_and_every_process_hears_it(alice: Client, data: Path) -> None:
    events = heard(alice)
    for user in ("bob", "carol"):
        alice.login(user)
        alice.add_friend("alice", wording=f"from {user}")
    alice.login("alice")
    page = alice.friend_requests(PendencyType.COME_IN, limit=1)  # FM 1399: a page, its seq the next's start
    assert [r.user_id for r in page.requests] == ["bob"] and page.unread == 2
    rest = alice.friend_requests(PendencyType.COME_IN, start_seq=page.next_seq)
    assert [r.user_id for r in rest.requests] == ["carol"]
    alice.report_friend_requests_read()  # FM 885: 0 is now
    assert events.wait_for("friend_requests_read") is None  # FM 207
    assert alice.friend_requests().unread == 0
    outcome = alice.delete_friend_requests(["bob", "dave"])  # FM 902-922
    assert outcome["bob"] is None and outcome["dave"].code == 30614
    assert events.wait_for("friend_requests_deleted") == ["bob"]  # FM 189: deleted by the user
    assert [r.user_id for r in alice.friend_requests().requests] == ["carol"]


# ---- the block list: FM 930-978, EC 303 (a blocked sender's C2C message) ----

def test_a_blocked_users_message_is_refused_with_20007(alice: Client, bob: FriendPeer) -> None:
    alice.add_friend("bob")
    bob.events.wait_for("friend_added")
    events = heard(alice)
    bob.send_text("alice", "before")
    assert events.wait_for("message") == [("bob", "before")]
    assert alice.block(["bob"]) == {"bob": None}
    assert events.wait_for("blocked") == ["bob"]  # FM 211-250
    assert bob.events.wait_for("friend_deleted") == ["alice"]  # blocking ends the friendship both ways
    assert alice.friend_list() == [] and [p.user_id for p in alice.blocked_list()] == ["bob"]
    with pytest.raises(BlockedError) as refused:
        bob.send_text("alice", "after")
    assert refused.value.code == 20007
    alice.send_text("bob", "one way")  # the blocker may still write
    with pytest.raises(FriendshipError) as mine:  # EC 266: the target is in one's own block list
        alice.add_friend("bob")
    assert mine.value.code == 30515
    with pytest.raises(FriendshipError) as theirs:  # EC 268: one is in the target's block list
        bob.add_friend("alice")
    assert theirs.value.code == 30525
    assert alice.unblock(["bob", "carol"])["carol"].code == 30001  # vendor silent: not blocked
    assert events.wait_for("unblocked") == ["bob"]  # FM 252-263
    bob.send_text("alice", "again")
    assert events.wait_for("message") == [("bob", "again")]


def test_blocking_oneself_is_refused(alice: Client) -> None:
    assert alice.block(["alice"])["alice"].code == 30001
    assert alice.blocked_list() == []


# ---- friend groups: FM 986-1082 ----

def test_friend_groups_made_listed_renamed_changed_deleted_with_their_events(alice: Client) -> None:
    for user in ("bob", "carol"):
        add_as(alice, user, AddPermission.ALLOW_ANY)
        alice.add_friend(user)
    events = heard(alice)
    outcome = alice.create_friend_group(["team"], ["bob", "zed"])
    assert outcome["bob"] is None and outcome["zed"].code == 31704
    assert events.wait_for("friend_group_created") == ("team", ["bob"])  # FM 266-272
    with pytest.raises(InvalidParameterError) as exists:  # FM 995: not an existing group
        alice.create_friend_group(["team"])
    assert exists.value.code == 30001
    assert alice.add_to_friend_group("team", ["carol"]) == {"carol": None}
    assert events.wait_for("friends_grouped") == ("team", ["carol"])  # FM 290-297
    groups = alice.friend_group_list()
    assert [(g.name, g.user_ids) for g in groups] == [("team", ["bob", "carol"])]
    assert alice.remove_from_friend_group("team", ["bob"]) == {"bob": None}
    assert events.wait_for("friends_ungrouped") == ("team", ["bob"])  # FM 299-306
    alice.rename_friend_group("team", "crew")
    assert events.wait_for("friend_group_renamed") == ("team", "crew")  # FM 281-288
    assert {f.user_id: f.groups for f in alice.friend_list()} == {"bob": [], "carol": ["crew"]}
    alice.delete_friend_groups(["crew"])
    assert events.wait_for("friend_group_deleted") == ["crew"]  # FM 274-279
    assert alice.friend_group_list() == [] and alice.friend_list()[1].groups == []


def test_a_group_change_makes_one_change_by_the_vendors_priority(alice: Client) -> None:
    add_as(alice, "bob", AddPermission.ALLOW_ANY)
    alice.add_friend("bob")
    alice.create_friend_group(["g"])
    param = {"friendship_modify_friend_group_param_name": "g", "friendship_modify_friend_group_param_new_name": "h",
             "friendship_modify_friend_group_param_add_identifier_array": ["bob"]}
    assert raw(alice, "TIMFriendshipModifyFriendGroup", json.dumps(param).encode())[:2] == (0, 0)
    assert [(g.name, g.user_ids) for g in alice.friend_group_list()] == [("h", [])]  # FM 1064: the new name only


# ---- search: FM 672-743 ----

def test_search_finds_friends_by_id_nickname_or_remark(alice: Client) -> None:
    add_as(alice, "bob", AddPermission.ALLOW_ANY)
    alice.login("bob")
    alice.set_self_profile(nickname="Robert")
    alice.login("alice")
    add_as(alice, "carol", AddPermission.ALLOW_ANY)
    alice.add_friend("bob")
    alice.add_friend("carol", remark="Caz")
    assert [f.user_id for f in alice.search_friends(["ROB"])] == ["bob"]  # the nickname, either case
    assert [f.user_id for f in alice.search_friends(["caz", "bo"])] == ["bob", "carol"]
    assert alice.search_friends(["Rob"], [SearchField.USER_ID]) == []
    assert [f.user_id for f in alice.search_friends(["car"], [SearchField.USER_ID])] == ["carol"]
    assert alice.search_friends(["dave"]) == []  # friends only


# ---- the frame ----

def test_the_friend_frame_has_its_dtypes(alice: Client) -> None:
    assert list(alice.friends().columns) == list(FRIEND_DTYPES)
    add_as(alice, "bob", AddPermission.ALLOW_ANY)
    alice.add_friend("bob", remark="Bobby", group="g")
    frame = alice.friends()
    assert dict(frame.dtypes) == {name: pd.api.types.pandas_dtype(dtype) for name, dtype in FRIEND_DTYPES.items()}
    assert frame.index.name == "user_id" and list(frame.index) == ["bob"]
    assert (frame.loc["bob", "show_name"], frame.loc["bob", "groups"]) == ("Bobby", ["g"])
    assert frame.loc["bob", "add_permission"] == "allow_any" and frame.loc["bob", "add_time"].year >= 2024


# ---- bad inputs (the matrix: tests/test_bad_inputs.py) and the Python checks ----

ADD, DEL, SEARCH = "friendship_add_friend_param_", "friendship_delete_friend_param_", "friendship_search_param_"
GROUP = "friendship_modify_friend_group_param_"


@pytest.mark.parametrize("function,param,code", [
    ("TIMFriendshipAddFriend", {ADD + "identifier": "bob", ADD + "remark": "r" * 97}, 9002),  # EC 104
    ("TIMFriendshipAddFriend", {ADD + "identifier": "bob", ADD + "add_wording": "w" * 121}, 9003),  # EC 105
    ("TIMFriendshipAddFriend", {ADD + "identifier": "bob", ADD + "group_name": "g" * 31}, 9005),  # EC 107
    ("TIMFriendshipAddFriend", {ADD + "identifier": "bob", ADD + "friend_type": 2}, 6017),  # FM 36-41
    ("TIMFriendshipAddFriend", {ADD + "identifier": "alice"}, 30001),  # vendor silent: not oneself
    ("TIMFriendshipDeleteFriend", {DEL + "identifier_array": [""]}, 30001),
    ("TIMFriendshipDeleteFriend", {DEL + "identifier_array": ["b"], DEL + "friend_type": 5}, 6017),
    ("TIMFriendshipGetPendencyList", {"friendship_get_pendency_list_param_type": 3}, 6017),  # FM 44-51
    ("TIMFriendshipHandleFriendAddRequest", {"friend_response_identifier": "bob", "friend_response_action": 7},
     6017),  # FM 54-61
    ("TIMFriendshipSearchFriends", {SEARCH + "keyword_list": []}, 6017),  # FM 1536: 1 to 5 keywords
    ("TIMFriendshipSearchFriends", {SEARCH + "keyword_list": list("abcdef")}, 6017),
    ("TIMFriendshipSearchFriends", {SEARCH + "keyword_list": ["a"], SEARCH + "search_field_list": [3]}, 6017),
    ("TIMFriendshipCreateFriendGroup", {"friendship_create_friend_group_param_name_array": []}, 9005),
    ("TIMFriendshipCreateFriendGroup", {"friendship_create_friend_group_param_name_array": ["g" * 31]}, 9005),
    ("TIMFriendshipModifyFriendGroup", {GROUP + "name": "none", GROUP + "new_name": "x"}, 30001),
])
def test_a_refused_call_answers_its_code_in_the_callback(alice: Client, function, param, code) -> None:
    result, got, desc, _ = raw(alice, function, json.dumps(param).encode())
    assert (result, got) == (0, code) and desc


@pytest.mark.parametrize("function,arg,result", [
    ("TIMFriendshipAddFriend", None, -4),  # TIMCloudDef.h: TIM_ERR_PARAM, a NULL argument
    ("TIMFriendshipAddFriend", b"not json", -3),  # TIM_ERR_JSON
    ("TIMFriendshipAddFriend", b'{"friendship_add_friend_param_identifier": 5}', -3),
    ("TIMFriendshipAddFriend", b'{"friendship_add_friend_param_identifier": ""}', -4),
    ("TIMFriendshipGetFriendsInfo", b"[]", -4),
    ("TIMFriendshipGetFriendsInfo", b"[1]", -3),
    ("TIMFriendshipAddToBlackList", b'"bob"', -3),
    ("TIMFriendshipModifyFriendProfile", b'{"friendship_modify_friend_profile_param_identifier": "bob"}', -3),
    ("TIMFriendshipDeleteFriendGroup", b"", -3),  # not JSON (GetFriendGroupList takes it as every group)
])
def test_a_malformed_argument_is_refused_at_once(alice: Client, function, arg, result) -> None:
    assert raw(alice, function, arg)[0] == result


def test_the_python_methods_check_before_calling(alice: Client) -> None:
    with pytest.raises(ValueError, match="96 bytes"):
        alice.add_friend("bob", remark="é" * 49)  # bytes, not characters
    with pytest.raises(ValueError, match="1 to 8 English letters"):
        alice.set_friend_profile("bob", custom={"a b": "x"})
    with pytest.raises(ValueError, match="give a remark"):
        alice.set_friend_profile("bob")
    with pytest.raises(TypeError, match="single string"):
        alice.block("bob")
    with pytest.raises(ValueError, match="not empty"):
        alice.create_friend_group([""])
    with pytest.raises(ValueError):
        alice.check_friends(["bob"], 3)
