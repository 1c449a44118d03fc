"""Profiles (TIMManager.h 6.1-6.4) on the local engine, and the C2C conversations that show them
(TIMConversationManager.h 943, 965): kept in the data root, shared by every process of the app, as
the vendor's server keeps them. Each rule cites the vendor's header it rests on (SDK 8.0.5906,
fetched by ``python -m timconv_nb.vendor fetch``); where another user sees a change, the test runs
that user in another process."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import engine_library_path, wait_until
from test_messages import sql_elsewhere
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.frames import PROFILE_DTYPES
from timconv_nb.profiles import AddPermission, Gender, UserProfile, profile_item

LIST = "TIMProfileGetUserProfileList"
MODIFY = "TIMProfileModifySelfUserProfile"




@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def raw_call(client: Client, function: str, *args) -> tuple[int, int, str, str]:
    """The TIMResult, then the callback's code, description and JSON."""
    result, reply = client.native.call_and_wait(function, *args, timeout=10)
    return (result, *reply) if reply else (result, None, "", "")


def modify(client: Client, item: dict) -> tuple[int, int, str, str]:
    return raw_call(client, MODIFY, json.dumps(item).encode())


# ---- reading: TIMManager.h 512, "可以通过该接口获取任何人的个人资料，包括自己的个人资料" ----
# (anyone's profile, one's own included)

def test_anyone_has_a_profile_with_the_headers_empty_values_until_they_set_one(alice: Client) -> None:
    never = alice.profile_list(["alice", "nobody"])
    assert [p.user_id for p in never] == ["alice", "nobody"]
    for profile in never:
        assert (profile.nickname, profile.face_url, profile.signature, profile.location) == ("", "", "", "")
        assert (profile.gender, profile.add_permission) == (Gender.UNKNOWN, AddPermission.UNKNOWN)
        assert (profile.language, profile.birthday, profile.level, profile.role, profile.custom) == (0, 0, 0, 0, {})
    assert never[1].show_name == "nobody"  # TIMConversationManager.h 965: no nickname, the user id


def test_every_documented_field_is_changed_and_read_back(alice: Client) -> None:
    # 8.4 UserProfileItem: every item; 539: a custom key with or without its prefix
    alice.set_self_profile(nickname="Alice", face_url="https://example.com/a.png", gender=Gender.FEMALE,
                           signature="hello", add_permission=AddPermission.NEED_CONFIRM, location="Paris",
                           language=33, birthday=20190419, level=7, role=300,
                           custom={"Str": "one", "Tag_Profile_Custom_Hobby": "chess"})
    [me] = alice.profile_list(["alice"])
    assert me == UserProfile("alice", "Alice", "https://example.com/a.png", Gender.FEMALE, "hello",
                             AddPermission.NEED_CONFIRM, "Paris", 33, 20190419, 7, 300, {}, {})
    assert me.custom == {"Str": "one", "Hobby": "chess"}
    keys = [item["user_profile_custom_string_info_key"] for item in me.raw["user_profile_custom_string_array"]]
    assert keys == ["Tag_Profile_Custom_Str", "Tag_Profile_Custom_Hobby"]  # 8.5: the key with its prefix
    alice.set_self_profile(signature="changed", custom={"Str": "two"})  # one item: the others stay
    [again] = alice.profile_list(["alice"])
    assert (again.nickname, again.signature, again.custom) == ("Alice", "changed", {"Str": "two", "Hobby": "chess"})


def test_the_profile_frame_has_its_dtypes(alice: Client) -> None:
    alice.set_self_profile(nickname="Alice", gender=Gender.MALE, custom={"Str": "x"})
    frame = alice.profiles(["alice", "bob"])
    assert list(frame.index) == ["alice", "bob"] and frame.index.name == "user_id"
    assert dict(frame.dtypes) == {name: pd.api.types.pandas_dtype(dtype) for name, dtype in PROFILE_DTYPES.items()}
    assert frame.loc["alice", "gender"] == "male" and frame.loc["bob", "add_permission"] == "unknown"
    assert frame.loc["alice", "custom"] == {"Str": "x"} and frame.loc["bob", "nickname"] == ""


# ---- the vendor's codes: TIMErrorCode.h 103 (9001), 235-236 (40001, 40002), 244-246 (40601, 40605, 40610) ----

@pytest.mark.parametrize("item,code,says", [
    ({}, 40001, "no item"),
    ({"user_profile_item_unknown": 1}, 40001, "no item"),
    ({"user_profile_item_nick_name": 5}, 40610, "user_profile_item_nick_name must be a string"),
    ({"user_profile_item_level": "7"}, 40610, "user_profile_item_level must be an unsigned integer"),
    ({"user_profile_item_birthday": 1.5}, 40610, "user_profile_item_birthday"),
    ({"user_profile_item_custom_string_array": {"Str": "x"}}, 40610, "custom_string_array"),
    ({"user_profile_item_gender": 3}, 40605, "0 (unknown), 1 (male) or 2 (female)"),
    ({"user_profile_item_add_permission": 0}, 40605, "1 (allow any)"),
    ({"user_profile_item_role": 2**32}, 40605, "from 0 to 4294967295"),
    ({"user_profile_item_level": -1}, 40605, "from 0 to 4294967295"),
    ({"user_profile_item_self_signature": "x" * 501}, 40601, "longer than 500 bytes"),
    ({"user_profile_item_nick_name": "é" * 251}, 40601, "longer than 500 bytes"),  # bytes, not characters
    ({"user_profile_item_custom_string_array": [{"user_profile_custom_string_info_key": "Tag_Profile_Custom_a1",
                                                 "user_profile_custom_string_info_value": "x"}]}, 9001, "letters"),
    ({"user_profile_item_custom_string_array": [{"user_profile_custom_string_info_key": "Toolongkey",
                                                 "user_profile_custom_string_info_value": "x"}]}, 9001, "1 to 8"),
    ({"user_profile_item_custom_string_array": [{"user_profile_custom_string_info_key": "Str",
                                                 "user_profile_custom_string_info_value": "v" * 501}]}, 40601,
     "longer than 500 bytes"),
])
def test_a_refused_modification_answers_the_vendors_code_and_changes_nothing(alice: Client, item, code, says) -> None:
    alice.set_self_profile(nickname="Alice")
    result, got, desc, _ = modify(alice, item)
    assert (result, got) == (0, code) and says in desc
    assert alice.profile_list(["alice"])[0].nickname == "Alice"


def test_the_boundaries_are_accepted(alice: Client) -> None:
    item = {"user_profile_item_nick_name": "x" * 500, "user_profile_item_role": 2**32 - 1,
            "user_profile_item_custom_string_array": [{"user_profile_custom_string_info_key": "abcdefgh",
                                                       "user_profile_custom_string_info_value": "v" * 500}]}
    assert modify(alice, item)[:2] == (0, 0)
    [me] = alice.profile_list(["alice"])
    assert (len(me.nickname), me.role, me.custom) == (500, 2**32 - 1, {"abcdefgh": "v" * 500})


def test_the_list_calls_codes(alice: Client) -> None:
    def asked(users) -> tuple[int, int, str]:
        param = {"friendship_getprofilelist_param_identifier_array": users}
        return raw_call(alice, LIST, json.dumps(param).encode())[:3]

    assert asked([])[:2] == (0, 40002)  # 236: no user named
    assert asked([f"u{i}" for i in range(101)])[:2] == (0, 40001)  # at most 100 per call
    assert asked(["ok", "x" * 128])[:2] == (0, 40001)  # not a user id
    assert asked([1])[0] == -3  # TIM_ERR_JSON: the array holds strings
    assert raw_call(alice, LIST, b'["alice"]')[0] == -3  # the param is an object
    assert raw_call(alice, MODIFY, b'["alice"]')[0] == -3


def test_python_checks_before_calling(alice: Client) -> None:
    with pytest.raises(ValueError, match="at least one field"):
        alice.set_self_profile()
    with pytest.raises(ValueError, match="500 bytes"):
        alice.set_self_profile(nickname="x" * 501)
    with pytest.raises(ValueError, match="1 to 8 English letters"):
        alice.set_self_profile(custom={"a b": "x"})
    with pytest.raises(ValueError, match="ALLOW_ANY"):
        alice.set_self_profile(add_permission=AddPermission.UNKNOWN)
    with pytest.raises(ValueError):
        alice.set_self_profile(gender=5)
    with pytest.raises(ValueError, match="level must be an int"):
        alice.set_self_profile(level="high")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="1 to 100"):
        alice.profile_list([])
    assert profile_item(nickname="") == {"user_profile_item_nick_name": ""}  # clearing a field is a change


# ---- TIMSelfInfoUpdatedCallback (TIMManager.h 260-265; 573: one's own changes need no subscription) ----

def test_the_users_own_process_hears_the_change_before_the_callback(alice: Client) -> None:
    heard: list = []
    alice.on("self_info_updated", lambda profile: heard.append(profile))
    alice.set_self_profile(nickname="Alice", face_url="https://example.com/a.png")
    assert [(p.user_id, p.nickname, p.face_url) for p in heard] == [("alice", "Alice", "https://example.com/a.png")]
    time.sleep(0.3)  # the poll that follows does not tell it again
    assert len(heard) == 1


# ---- subscriptions: TIMManager.h 571-573 (subscribe), 597 (unsubscribe: all), 287 (only subscribed users) ----

def test_a_subscriber_in_another_process_hears_the_change(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        with Classroom(alice, ["bob", "carol"]) as peers:
            peers["bob"].subscribe_user_info(["alice"])
            alice.set_self_profile(nickname="Alice")
            heard: list = []
            assert wait_until(lambda: heard.extend(
                p for e, profiles in peers["bob"].events() if e == "user_info_changed" for p in profiles) or heard)
            assert [(p.user_id, p.nickname) for p in heard] == [("alice", "Alice")]
            time.sleep(0.3)
            assert [e for e, _ in peers["carol"].events() if e == "user_info_changed"] == []  # 287: not subscribed
            peers["bob"].unsubscribe_user_info()  # 597: nothing given, every subscription
            alice.set_self_profile(nickname="Alice again")
            time.sleep(0.4)
            assert [e for e, _ in peers["bob"].events() if e == "user_info_changed"] == []


def test_subscriptions_keep_the_latest_200_and_not_oneself(alice: Client) -> None:
    alice.subscribe_user_info([f"user{i}" for i in range(150)] + ["alice"])
    alice.subscribe_user_info([f"user{i}" for i in range(150, 210)])
    registry = Path(alice.data_dir) / "timconv" / str(alice.app_id) / "groups.db"
    kept = [user for (user,) in sql_elsewhere(
        registry, "SELECT target FROM im_subscription WHERE subscriber = 'alice' ORDER BY sub_order")]
    assert kept == [f"user{i}" for i in range(10, 210)]  # 572: past 200 the first subscribed go


# ---- C2C conversations: TIMConversationManager.h 943 (the peer's face), 965 (remark, else nickname, else id) ----

def test_a_conversation_shows_the_peers_nickname_and_face_from_its_creation(alice: Client) -> None:
    alice.set_self_profile(nickname="Alice", face_url="https://example.com/a.png")
    alice.login("bob")
    added: list = []
    alice.on("add", lambda event, convs: added.extend((c.key, c.show_name, c.face_url) for c in convs))
    created = alice.create_conversation("alice")
    assert (created.show_name, created.face_url) == ("Alice", "https://example.com/a.png")
    assert wait_until(lambda: added) == [("c2c_alice", "Alice", "https://example.com/a.png")]
    frame = alice.conversations()
    assert (frame.loc["c2c_alice", "show_name"], frame.loc["c2c_alice", "face_url"]) == (
        "Alice", "https://example.com/a.png")
    plain = alice.create_conversation("dave")  # no profile: the user id, no face
    assert (plain.show_name, plain.face_url) == ("dave", "")


def test_a_first_message_creates_the_conversation_with_the_senders_name_on_both_sides(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.set_self_profile(nickname="Alice", face_url="https://example.com/a.png")
        with Classroom(alice, ["bob"]) as peers:
            peers["bob"].set_self_profile(nickname="Bob")
            time.sleep(0.25)
            alice.send_text("bob", "hi")  # alice's new conversation shows bob's nickname
            assert alice.conversation("bob").show_name == "Bob"
            assert wait_until(lambda: any(e == "add" for e, _ in peers["bob"].events()))
            to_bob = peers["bob"].conversation("alice")  # bob's copy, created by the delivery
            assert (to_bob.show_name, to_bob.face_url) == ("Alice", "https://example.com/a.png")


def test_a_nickname_change_reaches_every_holder_with_an_update_event(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        with Classroom(alice, ["bob", "carol"]) as peers:
            for user in ("bob", "carol"):
                peers[user].send_text("alice", f"hi from {user}")
            peers["carol"].logout()  # carol holds the conversation, but no process of hers is online
            assert wait_until(lambda: any(e == "add" for e, _ in peers["bob"].events()))
            alice.set_self_profile(nickname="Alice", face_url="https://example.com/a.png")
            updated: list = []
            assert wait_until(lambda: updated.extend(
                key for e, keys in peers["bob"].events() if e == "update" for key in keys) or "c2c_alice" in updated)
            seen = peers["bob"].conversation("alice")
            assert (seen.show_name, seen.face_url) == ("Alice", "https://example.com/a.png")
            peers["carol"].login("carol")  # back online: brought up to date at login
            assert peers["carol"].conversation("alice").show_name == "Alice"
            alice.set_self_profile(nickname="")  # no nickname any more: the id again (965)
            updated.clear()
            assert wait_until(lambda: updated.extend(
                key for e, keys in peers["bob"].events() if e == "update" for key in keys) or "c2c_alice" in updated)
            again = peers["bob"].conversation("alice")
            assert (again.show_name, again.face_url) == ("alice", "https://example.com/a.png")
