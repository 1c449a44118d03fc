"""Modifying a message and the update callback (vendor TIMMessageManager.h 2.6 533-541, 3.6 701-712,
6.3 1252-1289), a message's local custom data (4.6 935-967, 2290-2291, 2342-2345), against the
real engine, its stores and other users' processes. Saves and imports: test_message_imports.py."""

from __future__ import annotations

import json
import queue
from pathlib import Path
from typing import Any, Callable

import pytest

from conftest import RawEngine, engine_library_path
from timconv_nb import Client, ConvEvent
from timconv_nb.classroom import Classroom
from timconv_nb.errors import GroupPermissionError, InvalidParameterError, ModifyConflictError

TIMEOUT = 10


class Heard:
    """What one event of a client brings, queued by its handler on the engine's thread."""

    def __init__(self, client: Client, event: str) -> None:
        self.items: queue.Queue[Any] = queue.Queue()
        client.on(event, lambda *args: self.items.put(args))

    def next(self) -> Any:
        return self.items.get(timeout=TIMEOUT)

    def until(self, wanted: Callable[..., bool]) -> Any:
        """The first of the event's arguments (heard already, or to come) that ``wanted`` takes."""
        while not wanted(*(args := self.next())):
            pass
        return args


def text_elems(text: str) -> list[dict]:
    return [{"elem_type": 0, "text_elem_content": text}]


# ---- a modification reaches every copy (1259-1262) ----

def test_the_peers_modification_reaches_my_process_by_event_and_my_store(client: Client) -> None:
    """1260: "自己和对端用户（C2C）...都会收到 TIMSetMsgUpdateCallback 设置的回调": bob modifies, in his
    own process, a message of the conversation; alice's process hears it through its update
    callback, her copy, her last message (event Update: it is the last) and her search follow."""
    alice = client
    arrived, updated, conv_updates = Heard(alice, "message"), Heard(alice, "message_updated"), Heard(alice, "update")
    with Classroom(alice, ["bob"]) as peers:
        bob = peers["bob"]
        sent = bob.send_text("alice", "see you at 5")
        (received,), = arrived.next()
        changed = bob.modify_message(sent, text="see you at 6", cloud_custom_data="edited")
        assert changed.text == "see you at 6" and changed.raw["message_version"] == 1
        (heard,), = updated.next()
    assert heard.msg_id == received.msg_id and heard.text == "see you at 6" and not heard.is_from_self
    assert heard.raw["message_cloud_custom_str"] == "edited" and heard.raw["message_version"] == 1
    mine = alice.find_messages([received.msg_id]).iloc[0]
    assert mine.text == "see you at 6" and mine.conv_id == "bob"
    event, conversations = conv_updates.until(lambda event, conversations: conversations[0].last_message_text ==
                                              "see you at 6")
    assert event == ConvEvent.UPDATE and conversations[0].key == "c2c_bob"
    assert alice.conversation("bob").last_message_text == "see you at 6"
    assert len(alice.search_messages(["at 6"])) == 1 and alice.search_messages(["at 5"]).empty  # FTS triggers


def test_my_modification_reaches_the_peers_copy_and_my_own_callback(client: Client) -> None:
    """1260: the modifier hears it too; any participant may modify (the vendor's guide: "会话内任意成员"),
    here alice modifies bob's message; bob's copy follows, its custom fields untouched."""
    alice = client
    arrived, updated = Heard(alice, "message"), Heard(alice, "message_updated")
    with Classroom(alice, ["bob"]) as peers:
        bob = peers["bob"]
        sent = bob.send_message("alice", {"message_elem_array": text_elems("draft"), "message_custom_str": "bob's"})
        (received,), = arrived.next()
        changed = alice.modify_message(received, text="final")
        (heard,), = updated.next()
        assert heard.text == changed.text == "final" and heard.msg_id == sent.msg_id
        copy = bob.find_messages([sent.msg_id]).iloc[0]
    assert copy.text == "final" and copy.custom_str == "bob's"  # his own custom field stays his
    assert received.raw["message_custom_str"] == "" == heard.raw["message_custom_str"]  # never sent (2342-2345)


def test_a_group_message_is_modified_in_every_members_store(tmp_path: Path) -> None:
    """1260: "群组成员（Group）都会收到": carol modifies bob's group message from her process; alice's
    process hears it, every member's copy follows; a user who left the group may no longer modify."""
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Team", "team", "work", members=["bob", "carol"])
        arrived, updated = Heard(alice, "message"), Heard(alice, "message_updated")
        with Classroom(alice, ["bob", "carol"]) as peers:
            sent = peers["bob"].send_text("team", "standup at 9", "group")
            (received,), = arrived.next()
            changed = peers["carol"].modify_message(sent, text="standup at 10")
            (heard,), = updated.next()
            assert heard.text == "standup at 10" and heard.conv_id == "team" and heard.seq == received.seq
            for user in ("bob", "carol"):
                assert list(peers[user].find_messages([sent.msg_id]).text) == ["standup at 10"]
            latest = peers["carol"].find_messages([sent.msg_id]).index[0]
            peers["carol"].quit_group("team")
            with pytest.raises(GroupPermissionError, match="10007"):
                peers["carol"].modify_message(changed, text="standup at 11")
        assert latest == sent.msg_id
        assert list(alice.find_messages([sent.msg_id]).text) == ["standup at 10"]


# ---- what may be modified ----

def test_a_stale_copy_is_a_conflict_answered_with_the_latest_message(alice: RawEngine) -> None:
    """1261: "消息已经被其他人修改，cb 会返回 ERR_SDK_MSG_MODIFY_CONFLICT"; 1262: "无论修改成功或则失败，cb
    都会返回最新的消息对象". The copy a modification names is its message_version (2330-2331)."""
    sent = alice.call("TIMMsgSendMessage", b"bob", 1, json.dumps({"message_elem_array": text_elems("v0")}).encode(),
                      None).json
    first = alice.call("TIMMsgModifyMessage", json.dumps({**sent, "message_elem_array": text_elems("v1")}).encode())
    assert first.code == 0 and first.json["message_version"] == 1
    stale = alice.call("TIMMsgModifyMessage", json.dumps({**sent, "message_elem_array": text_elems("v2")}).encode())
    assert stale.code == 8006 and stale.json == first.json  # the latest, unchanged
    again = {**first.json, "message_elem_array": text_elems("v2")}
    latest = alice.call("TIMMsgModifyMessage", json.dumps(again).encode())
    assert latest.code == 0 and latest.json["message_version"] == 2


@pytest.mark.parametrize("change,why", [
    ({"message_elem_array": [{"elem_type": 3, "custom_elem_data": "x"}]}, "keeping its type"),
    ({"message_elem_array": text_elems("a") + text_elems("b")}, "keeping its type"),
])
def test_elements_keep_their_number_and_type(client: Client, change: dict, why: str) -> None:
    """The vendor's guide (6.3): the content of text, custom, face and location elements; the
    engine keeps each element's type (a decision, docs/vendor.md)."""
    sent = client.send_text("bob", "hello")
    with pytest.raises(InvalidParameterError, match=why):
        client.modify_message(sent, elements=change["message_elem_array"])
    assert client.find_messages([sent]).iloc[0].text == "hello"


def test_elements_that_are_not_objects_are_refused_when_it_runs(alice: RawEngine) -> None:
    sent = alice.call("TIMMsgSendMessage", b"bob", 1, json.dumps({"message_elem_array": text_elems("a")}).encode(),
                      None).json
    reply = alice.call("TIMMsgModifyMessage", json.dumps({**sent, "message_elem_array": [5]}).encode())
    assert reply.code == 6017 and reply.json == sent  # the message as it is (1262)


def test_cloud_custom_data_of_any_message_but_not_the_content_of_an_image(client: Client) -> None:
    """Any message's cloud custom data (kTIMMsgCloudCustomStr, 2346-2347); an image's elements are
    not text, custom, face or location ones."""
    image = client.send_message("bob", {"message_elem_array": [{"elem_type": 1, "image_elem_orig_path": "/a.png"}]})
    first = client.modify_message(image, cloud_custom_data="reply:1")
    assert first.raw["message_cloud_custom_str"] == "reply:1"
    second = client.modify_message(first, cloud_custom_data="reply:2")
    with pytest.raises(ModifyConflictError, match="8006"):
        client.modify_message(first, cloud_custom_data="stale")  # 1261: first is no longer the latest copy
    latest = client.modify_message(second, cloud_custom_data="reply:3")
    assert latest.raw["message_version"] == 3
    with pytest.raises(InvalidParameterError, match="text, custom, face and location"):
        client.modify_message(latest, elements=[{"elem_type": 1, "image_elem_orig_path": "/b.png"}])


def test_a_revoked_or_unknown_message_is_refused(client: Client) -> None:
    sent = client.send_text("bob", "oops")
    client.revoke_message(sent)
    with pytest.raises(InvalidParameterError, match="revoked"):
        client.modify_message(sent, text="fixed")
    with pytest.raises(InvalidParameterError, match="no message"):
        client.modify_message({"message_msg_id": "nothing", "message_elem_array": text_elems("x")}, text="y")


def test_a_modification_that_is_not_the_last_message_moves_no_conversation(client: Client) -> None:
    """The last message follows only when it is the modified message (no Update event otherwise)."""
    first = client.send_text("bob", "first")
    client.send_text("bob", "second")
    updates = Heard(client, "update")
    updated = Heard(client, "message_updated")
    client.modify_message(first, text="first, edited")
    updated.next()
    assert updates.items.empty() and client.conversation("bob").last_message_text == "second"


# ---- local custom data (4.6) ----

def test_local_custom_data_stays_on_this_device_and_across_logins(client: Client) -> None:
    """935, 2342-2345: "本地保存，不会发送到对端": the peer never sees it, not even when the message is
    modified afterwards; it is in the store, so a new login finds it."""
    alice = client
    arrived, updated = Heard(alice, "message"), Heard(alice, "message_updated")
    with Classroom(alice, ["bob"]) as peers:
        bob = peers["bob"]
        sent = bob.send_text("alice", "photo later")
        (received,), = arrived.next()
        kept = alice.set_local_custom_data(received, data="played", number=3)
        assert (kept.raw["message_custom_str"], kept.raw["message_custom_int"]) == ("played", 3)
        assert bob.find_messages([sent.msg_id]).iloc[0].custom_str == ""
        mine = bob.set_local_custom_data(sent, data="bob's own")
        bob.modify_message(mine, cloud_custom_data="seen")
        (heard,), = updated.next()
        assert heard.raw["message_custom_str"] == "played" and heard.raw["message_cloud_custom_str"] == "seen"
        assert bob.find_messages([sent.msg_id]).iloc[0].custom_str == "bob's own"
    alice.logout()
    alice.login("alice")
    again = alice.find_messages([received.msg_id]).iloc[0]
    assert (again.custom_str, again.custom_int) == ("played", 3)


def test_local_custom_data_is_a_string_and_a_uint32(client: Client) -> None:
    sent = client.send_text("bob", "x")
    with pytest.raises(ValueError, match="number"):
        client.set_local_custom_data(sent, number=2**32)
    with pytest.raises(ValueError, match="data"):
        client.set_local_custom_data(sent)
    assert client.set_local_custom_data(sent, number=2**32 - 1).raw["message_custom_int"] == 2**32 - 1


@pytest.mark.parametrize("param", [
    b'{}', b'[]', b'{"message_msg_id": 1}', b'{"message_msg_id": "x", "message_custom_int": "1"}',
    b'{"message_msg_id": "x", "message_custom_str": 1}',
])
def test_local_custom_data_of_the_wrong_shape_is_refused(alice: RawEngine, param: bytes) -> None:
    """Spec section 2: JSON of the wrong shape is TIM_ERR_JSON (-3), synchronously."""
    assert alice.submit("TIMMsgSetLocalCustomData", param, on_done=lambda *reply: None) == -3


@pytest.mark.parametrize("param", [
    b'{"message_elem_array": []}', b'{"message_msg_id": "x", "message_elem_array": {}}',
    b'{"message_msg_id": "x", "message_version": "1"}', b'{"message_msg_id": "x", "message_cloud_custom_str": 2}',
])
def test_a_modification_of_the_wrong_shape_is_refused(alice: RawEngine, param: bytes) -> None:
    assert alice.submit("TIMMsgModifyMessage", param, on_done=lambda *reply: None) == -3
