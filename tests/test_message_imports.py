"""Messages written into a conversation without being sent: TIMMsgSaveMsg (vendor
TIMMessageManager.h 6.7, 1391-1404) and TIMMsgImportMsgList (6.8, 1406-1454), status
kTIMMsg_LocalImported (46), against the real engine, its store and another user's process."""

from __future__ import annotations

import json
import queue
import random
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from conftest import RawEngine, engine_library_path
from timconv_nb import Client, ConvEvent, ConvType, MessageStatus
from timconv_nb.classroom import Classroom
from timconv_nb.errors import InvalidParameterError

START = 1_700_000_000
TIMEOUT = 10


def history(times: list[int], senders: tuple[str, ...] = ("alice", "bob")) -> list[dict]:
    """Messages as an export gives them: each with its text, sender and server time."""
    return [{"message_elem_array": [{"elem_type": 0, "text_elem_content": f"h{when}"}],
             "message_sender": senders[i % len(senders)], "message_server_time": when} for i, when in enumerate(times)]


def conv_events(client: Client) -> queue.Queue[Any]:
    events: queue.Queue[Any] = queue.Queue()
    for name in ("add", "update"):
        client.on(name, lambda event, conversations: events.put((event, [c.last_message_text for c in conversations])))
    return events


# ---- saving one message (6.7) ----

def test_a_saved_message_is_stored_never_delivered(tmp_path: Path) -> None:
    """1402: "自己构造一个消息 Json 字符串，然后保存到指定会话": bob saves a message into his conversation
    with alice, then sends one; alice's process receives only the one sent (the saved one, stored
    before it, would have arrived first)."""
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        arrived: queue.Queue[Any] = queue.Queue()
        alice.on("message", lambda messages: arrived.put(messages))
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            saved = bob.save_message("alice", "a note to self about alice")
            assert saved.status == MessageStatus.LOCAL_IMPORTED and saved.is_from_self and saved.is_read
            assert saved.sender == "bob" and saved.conv_id == "alice"
            assert bob.conversation("alice").last_message_text == "a note to self about alice"
            bob.send_text("alice", "hello")
            assert [m.text for m in arrived.get(timeout=TIMEOUT)] == ["hello"]
            assert list(bob.messages("alice").text) == ["hello", "a note to self about alice"]
        assert list(alice.messages("bob").text) == ["hello"]
        assert alice.find_messages([saved.msg_id]).empty and arrived.empty()


def test_a_saved_message_keeps_its_sender_and_time(client: Client) -> None:
    """In a C2C conversation a message is the owner's or the peer's (a decision: the vendor is
    silent; docs/vendor.md); its own server time places it in the history."""
    client.send_text("bob", "now")
    old = client.save_message("bob", "from bob, long ago", sender="bob", time=datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert not old.is_from_self and old.server_time == datetime(2020, 1, 1, tzinfo=timezone.utc)
    assert list(client.messages("bob").text) == ["now", "from bob, long ago"]
    assert client.conversation("bob").last_message_text == "now"  # not the newest: the last stays
    with pytest.raises(InvalidParameterError, match="each sender must be alice or bob"):
        client.save_message("bob", "from carol", sender="carol")
    with pytest.raises(InvalidParameterError, match="stored already"):
        client.save_message("bob", old.raw)  # its message_msg_id is stored
    assert client.conversation("bob").unread == 0  # a saved message is read


# ---- importing a history (6.8) ----

def test_an_imported_history_pages_in_time_order_both_ways(client: Client) -> None:
    """Each message keeps its time (1417: an export imported as it was), between and around the
    messages sent: older pages newest first and newer pages oldest first, each message once;
    the newest becomes the last message."""
    for i in range(20):
        client.set_clock(START + 100 * i)
        client.send_text("bob", f"s{START + 100 * i}")
    client.set_clock(None)
    times = [START - 5000 + 37 * i for i in range(400)]
    random.Random(7).shuffle(times)
    events = conv_events(client)
    client.import_messages("bob", history(times))
    expected = sorted([(START + 100 * i, f"s{START + 100 * i}") for i in range(20)] +
                      [(when, f"h{when}") for when in times])
    older = [text for frame in client.iter_message_pages("bob", page_size=37) for text in frame.text]
    assert older == [text for _, text in reversed(expected)]
    newer = [text for frame in client.iter_message_pages("bob", page_size=50, newer=True, since=1)
             for text in frame.text]
    assert newer == [text for _, text in expected]
    page = client.messages("bob", count=5, since=START, period=200)  # a window back from a time
    assert list(page.text) == [text for when, text in reversed(expected) if START - 200 <= when <= START][:5]
    newest = expected[-1][1]
    assert events.get(timeout=TIMEOUT) == (ConvEvent.UPDATE, [newest])
    assert client.conversation("bob").last_message_text == newest
    frame = client.messages("bob", count=500)
    assert set(frame.status) == {MessageStatus.SEND_SUCC, MessageStatus.LOCAL_IMPORTED}
    assert (frame.status == MessageStatus.LOCAL_IMPORTED).sum() == 400 and frame.is_read.all()
    assert set(frame[frame.status == MessageStatus.LOCAL_IMPORTED].sender) == {"alice", "bob"}
    assert len(client.search_messages([f"h{times[0]}"])) == 1  # the search index has them


def test_an_import_makes_its_conversation_and_an_older_one_moves_nothing(client: Client) -> None:
    events = conv_events(client)
    client.import_messages("carol", history([START + 2, START + 1], ("carol",)))
    assert events.get(timeout=TIMEOUT) == (ConvEvent.ADD, [f"h{START + 2}"])
    client.import_messages("carol", history([START - 10], ("carol",)))
    client.import_messages("carol", [])  # nothing
    client.import_messages("dave", [])  # nothing: no conversation either
    assert events.empty() and client.conversation("carol").last_message_text == f"h{START + 2}"
    assert "c2c_dave" not in client.conversations().index


def test_a_dataframe_seeds_a_history_and_a_listing_imports_once(tmp_path: Path) -> None:
    """A notebook's history in one call: sender, text and time columns; a messages() frame (its
    msg_id index) imported again adds nothing (1417)."""
    frame = pd.DataFrame({"sender": ["alice", "bob", "bob"], "text": ["hi", "hey", "how are you?"],
                          "time": pd.to_datetime([START, START + 60, START + 61], unit="s", utc=True)})
    with Client(tmp_path / "a", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.import_messages("bob", frame)
        listed = alice.messages("bob")
        assert list(listed.text) == ["how are you?", "hey", "hi"]
        assert list(listed.server_time) == list(frame.time[::-1])
        alice.import_messages("bob", listed)
        assert len(alice.messages("bob")) == 3
    with Client(tmp_path / "c", library=engine_library_path()) as carol:  # another user, another store
        carol.login("bob")
        carol.import_messages("alice", listed)
        assert list(carol.messages("alice").index) == list(listed.index)
        assert list(carol.messages("alice").is_from_self) == [True, True, False]
    with pytest.raises(ValueError, match="sender, text and time"):
        alice.import_messages("bob", frame.drop(columns="sender"))


def test_a_group_history_takes_no_seq_of_the_groups(client: Client) -> None:
    """A group's seqs are the server's (kTIMMsgSeq): imported messages have none (message_seq 0),
    so the group's next messages keep theirs, and pages still run in time order."""
    client.create_group("Crew", "crew")
    client.send_text("crew", "first", ConvType.GROUP)
    client.import_messages("crew", history([START + 3, START + 1, START + 2], ("zed", "yan")), ConvType.GROUP)
    second = client.send_text("crew", "second", ConvType.GROUP)
    assert second.seq == 2
    frame = client.messages("crew", ConvType.GROUP)
    assert list(frame.text) == ["second", "first", f"h{START + 3}", f"h{START + 2}", f"h{START + 1}"]
    assert list(frame.seq) == [2, 1, 0, 0, 0]
    assert list(client.messages("crew", ConvType.GROUP, from_seq=2, count=2).text) == ["second", "first"]


@pytest.mark.parametrize("messages", [
    b"{}", b"[1]", b"[{}]", b'[{"message_elem_array": []}]', b'[{"message_elem_array": [1]}]',
    b'[{"message_elem_array": [{"elem_type": "0"}]}]',
    b'[{"message_elem_array": [{"elem_type": 5}]}]',  # 778: a group tip comes from the server only
    b'[{"message_elem_array": [{"elem_type": 0}], "message_server_time": -1}]',
    b'[{"message_elem_array": [{"elem_type": 0}], "message_sender": ""}]',
    b'[{"message_elem_array": [{"elem_type": 0}], "message_sender": 7}]',
    b'[{"message_elem_array": [{"elem_type": 0}], "message_is_online_msg": true}]',
    b'[{"message_elem_array": [{"elem_type": 0}], "message_custom_int": "1"}]',
    b'[{"message_elem_array": [{"elem_type": 0}], "message_sender": "a", "message_sender": "b"}]',
])
def test_messages_of_the_wrong_shape_are_refused(alice: RawEngine, messages: bytes) -> None:
    """Spec section 2: TIM_ERR_JSON (-3), synchronously; a save the same for one Message."""
    assert alice.submit("TIMMsgImportMsgList", b"bob", 1, messages, on_done=lambda *reply: None) == -3
    if messages.startswith(b"[{"):
        one = messages[1:-1]
        assert alice.submit("TIMMsgSaveMsg", b"bob", 1, one, on_done=lambda *reply: None) == -3


def test_an_import_is_all_or_none(alice: RawEngine) -> None:
    """One message of a stranger in a C2C conversation: none is imported (6017), nothing made."""
    messages = history([START, START + 1]) + history([START + 2], ("carol",))
    reply = alice.call("TIMMsgImportMsgList", b"bob", 1, json.dumps(messages).encode())
    assert reply.code == 6017 and "carol" not in reply.desc and "alice or bob" in reply.desc
    assert alice.conv_list() == []


def test_a_message_given_twice_is_imported_once(alice: RawEngine) -> None:
    """1417: an export imported again adds nothing; within one array too, the first one given wins."""
    twice = [{**message, "message_msg_id": "exported-1"} for message in history([START, START + 1])]
    assert alice.call("TIMMsgImportMsgList", b"bob", 1, json.dumps(twice).encode()).code == 0
    listed = alice.call("TIMMsgGetMsgList", b"bob", 1, b"").json
    assert [(m["message_msg_id"], m["message_server_time"]) for m in listed] == [("exported-1", START)]
