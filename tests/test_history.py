"""A conversation's history paged both ways (TIMMsgGetMsgList with every MsgGetMsgListParam key,
vendor TIMMessageManager.h 1150-1204 and 2439-2457), against the real engine and its store."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from conftest import RawEngine, engine_library_path, wait_until
from timconv_nb import Client, ConvType
from timconv_nb.classroom import Classroom

START = 1_700_000_000


def text(i: int) -> bytes:
    return json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": f"m{i}"}]}).encode()


def seed(engine: RawEngine, conv_id: bytes, times: list[int], conv_type: int = 1) -> None:
    """Sends one message per time (the engine's clock set to it), all queued, then waits."""
    for i, when in enumerate(times):
        engine.lib.timconv_set_clock(when)
        assert engine.submit("TIMMsgSendMessage", conv_id, conv_type, text(i), None,
                             on_done=lambda code, desc, payload: None) == 0
    engine.lib.timconv_set_clock(0)
    assert engine.call("TIMMsgGetMsgList", conv_id, conv_type, b"").code == 0  # after every send


def page(engine: RawEngine, conv_id: bytes, conv_type: int = 1, **param) -> list[dict]:
    reply = engine.call("TIMMsgGetMsgList", conv_id, conv_type,
                        json.dumps({f"msg_getmsglist_param_{key}": value for key, value in param.items()}).encode())
    assert reply.code == 0, reply
    return reply.json


def client_page(client: Client, conv_id: bytes, conv_type: int, param: dict) -> list[int]:
    """The seqs of a TIMMsgGetMsgList page asked with a raw MsgGetMsgListParam through a Client."""
    done, replies = threading.Event(), []
    assert client.native.call("TIMMsgGetMsgList", conv_id, conv_type, json.dumps(param).encode(),
                              on_done=lambda code, desc, payload: (replies.append((code, payload)), done.set())) == 0
    assert done.wait(10) and replies[0][0] == 0
    return [m["message_seq"] for m in json.loads(replies[0][1])]


def stored_order(root: Path, user: str, conv_id: str) -> list[int]:
    """The seqs of the conversation's messages, oldest first by (server time, seq), read from the
    store with the system's SQLite: what every page must be a slice of."""
    database = next(root.rglob(f"{user.encode().hex()}/store.db"))
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT seq FROM message WHERE conv_id = ? ORDER BY"
                          " json_extract(msg, '$.message_server_time'), seq", (conv_id,)).fetchall()
    return [seq for (seq,) in rows]


def test_paging_a_long_history_both_ways_gives_every_message_once_in_order(alice: RawEngine) -> None:
    """1160-1162: from the start message, older pages (is_forward false) and newer ones (true),
    the start message not in the page (1166). Times go back now and then (clock changes, as an
    import gives), so the order is by server time, not by seq; many messages share a second."""
    times = [START + i // 7 - (300 if i % 97 == 0 else 0) for i in range(3000)]
    seed(alice, b"bob", times)
    order = stored_order(alice.root, "alice", "bob")
    assert len(order) == 3000 and order != sorted(order)
    for size in (1, 50, 333):
        older, start = [], None
        while True:
            got = page(alice, b"bob", count=size, **({"last_msg": start} if start else {}))
            older += [m["message_seq"] for m in got]
            if len(got) < size:
                break
            start = got[-1]
        assert older == order[::-1], size
    newer, start = [], {"message_msg_id": "none", "message_seq": 0, "message_server_time": 0}
    while True:
        got = page(alice, b"bob", count=250, is_forward=True, last_msg=start)
        newer += [m["message_seq"] for m in got]
        if len(got) < 250:
            break
        start = got[-1]
    assert newer == order
    # From a message in the middle, each way: the messages on its side, nearest first.
    middle = page(alice, b"bob", count=1500)[-1]
    at = order.index(middle["message_seq"])
    assert [m["message_seq"] for m in page(alice, b"bob", count=10, last_msg=middle)] == order[at - 10:at][::-1]
    assert [m["message_seq"] for m in page(alice, b"bob", count=10, last_msg=middle, is_forward=True)] == \
        order[at + 1:at + 11]


def test_without_a_start_older_pages_begin_at_the_newest_and_newer_ones_are_empty(alice: RawEngine) -> None:
    """1160: without kTIMMsgGetMsgListParamLastMsg the conversation's newest message is the start."""
    seed(alice, b"bob", [START + i for i in range(5)])
    assert [m["message_seq"] for m in page(alice, b"bob", count=3)] == [5, 4, 3]
    assert page(alice, b"bob", count=3, is_forward=True) == []
    assert page(alice, b"bob", count=3, last_msg={}) == page(alice, b"bob", count=3)  # 1187: an empty Message


def test_a_group_page_starts_at_a_seq_which_it_includes_and_c2c_ignores_it(tmp_path: Path) -> None:
    """1164-1167: a group page may start at kTIMMsgGetMsgListParamLastMsgSeq, included; C2C only
    from a message; 1170: the message wins over the seq."""
    with Client(tmp_path) as client:
        client.login("alice")
        client.create_group("Crew", "crew")
        for i in range(10):
            client.send_text("crew", f"g{i}", ConvType.GROUP)
            client.send_text("bob", f"c{i}")
        assert list(client.messages("crew", ConvType.GROUP, 3, from_seq=5).seq) == [5, 4, 3]
        assert list(client.messages("crew", ConvType.GROUP, 3, from_seq=5, newer=True).seq) == [5, 6, 7]
        assert client.messages("crew", ConvType.GROUP, 3, from_seq=11, newer=True).empty
        assert client_page(client, b"bob", 1, {"msg_getmsglist_param_count": 2,
                                               "msg_getmsglist_param_last_msg_seq": 5}) == [10, 9]
        start = client.messages("crew", ConvType.GROUP, 1, from_seq=8).iloc[0]
        both = {"msg_getmsglist_param_count": 2, "msg_getmsglist_param_last_msg_seq": 3,
                "msg_getmsglist_param_last_msg": {"message_msg_id": start.name}}
        assert client_page(client, b"crew", 2, both) == [7, 6]
        # 1174, 2457: a group's seq array lists those messages (C2C: ignored)
        assert list(client.messages("crew", ConvType.GROUP, 20, seqs=[9, 2, 5, 42]).seq) == [9, 5, 2]
        assert list(client.messages("crew", ConvType.GROUP, 20, seqs=[9, 2, 5], newer=True).seq) == [2, 5, 9]
        assert len(client.messages("bob", count=20, seqs=[1])) == 10


def test_a_time_range_starts_at_time_begin_and_reaches_time_period_the_pages_way(alice: RawEngine) -> None:
    """1172, 2453-2455: time_begin (UTC seconds) is the start, time_period its length; both ways,
    and within it from a start message (the range and the message together)."""
    seed(alice, b"bob", [START + 10 * i for i in range(20)])  # seq i + 1 at START + 10 i
    back = page(alice, b"bob", count=100, time_begin=START + 100, time_period=30)
    assert [m["message_seq"] for m in back] == [11, 10, 9, 8]
    ahead = page(alice, b"bob", count=100, time_begin=START + 100, time_period=30, is_forward=True)
    assert [m["message_seq"] for m in ahead] == [11, 12, 13, 14]
    assert [m["message_seq"] for m in page(alice, b"bob", count=3, time_begin=START + 105, is_forward=True)] == \
        [12, 13, 14]
    assert [m["message_seq"] for m in page(alice, b"bob", count=100, time_begin=START + 100, time_period=30,
                                           last_msg=back[1])] == [9, 8]
    assert page(alice, b"bob", count=100, time_begin=START + 100, last_msg=ahead[2]) == page(
        alice, b"bob", count=100, time_begin=START + 100)  # a start outside the range: the range's end


def test_the_type_filter_applies_without_roaming_only(alice: RawEngine) -> None:
    """2446: kTIMMsgGetMsgListMessageTypeArray, only while is_ramble is false; empty: every type."""
    custom = json.dumps({"message_elem_array": [{"elem_type": 3, "custom_elem_data": "d"}]}).encode()
    for i in range(6):
        body = custom if i % 2 else text(i)
        assert alice.call("TIMMsgSendMessage", b"bob", 1, body, None).code == 0
    assert [m["message_seq"] for m in page(alice, b"bob", count=10, message_type_array=[3])] == [6, 4, 2]
    assert [m["message_seq"] for m in page(alice, b"bob", count=2, message_type_array=[0])] == [5, 3]
    assert len(page(alice, b"bob", count=10, message_type_array=[3], is_ramble=True)) == 6
    assert len(page(alice, b"bob", count=10, message_type_array=[])) == 6


@pytest.mark.parametrize("param", [
    {"msg_getmsglist_param_is_forward": 1},
    {"msg_getmsglist_param_is_ramble": "yes"},
    {"msg_getmsglist_param_last_msg_seq": -1},
    {"msg_getmsglist_param_time_begin": "now"},
    {"msg_getmsglist_param_time_period": 1.5},
    {"msg_getmsglist_param_message_seq_array": [1, "2"]},
    {"msg_getmsglist_param_message_seq_array": 3},
    {"msg_getmsglist_param_message_type_array": [0.5]},
    {"msg_getmsglist_param_last_msg": {"message_msg_id": 7}},
    {"msg_getmsglist_param_last_msg": {"message_server_time": "x"}},
    {"msg_getmsglist_param_count": 0},
])
def test_a_key_of_the_wrong_type_is_refused(alice: RawEngine, param: dict) -> None:
    """Spec section 2: JSON of the wrong shape is TIM_ERR_JSON, synchronously."""
    assert alice.submit("TIMMsgGetMsgList", b"bob", 1, json.dumps(param).encode(),
                        on_done=lambda *reply: None) == -3


def test_iter_message_pages_pages_back_and_forth_and_new_messages_shift_nothing(client: Client) -> None:
    for i in range(230):
        client.set_clock(START + i // 3)
        client.send_text("bob", f"m{i}")
    client.set_clock(None)
    pages = client.iter_message_pages("bob", page_size=50)
    first = next(pages)
    for i in range(20):  # arriving while the learner pages back
        client.send_text("bob", f"late{i}")
    seqs = list(first.seq) + [seq for frame in pages for seq in frame.seq]
    assert seqs == list(range(230, 0, -1))
    forward = [seq for frame in client.iter_message_pages("bob", page_size=64, newer=True, since=START)
               for seq in frame.seq]
    assert forward == list(range(1, 251))
    window = [frame.text.tolist() for frame in client.iter_message_pages("bob", page_size=2, since=START + 10,
                                                                         period=1)]
    assert window == [["m32", "m31"], ["m30", "m29"], ["m28", "m27"]]  # [since - period, since], 2453-2455


# ---- finding messages: TIMMessageManager.h 1456-1528 ----



def test_find_messages_by_id_in_any_conversation_revoked_ones_included(client: Client) -> None:
    """1457: messages by id, kTIMMsg_Revoked ones too (1465: told apart by kTIMMsgStatus), in the
    ids' order; an id not stored (a deleted message's) is left out."""
    to_bob = client.send_text("bob", "to bob")
    client.create_group("Crew", "crew")
    to_crew = client.send_text("crew", "to crew", ConvType.GROUP)
    gone = client.send_text("bob", "deleted")
    client.revoke_message(to_bob)
    client.delete_message(gone)
    found = client.find_messages([to_crew.msg_id, "no such id", gone.msg_id, to_bob])
    assert list(found.index) == [to_crew.msg_id, to_bob.msg_id]
    assert list(found.conv_id) == ["crew", "bob"] and list(found.status) == [2, 6]
    assert client.find_messages([]).empty


def test_the_revoke_callbacks_locators_find_the_revoked_messages_in_the_peers_process(tmp_path: Path) -> None:
    """1487-1494: messages by MsgLocator, revoked ones included; the locators are the revoke
    callback's (696), heard in alice's process while bob revokes from his own."""
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Team", "team", "work", members=["bob"])
        revoked: list = []
        alice.on("message_revoked", lambda items: revoked.extend(items))
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            kept = bob.send_text("alice", "kept")
            oops = bob.send_text("alice", "oops")
            in_team = bob.send_text("team", "team oops", "group")
            bob.revoke_message(oops)
            bob.revoke_message(in_team)
            assert wait_until(lambda: len(revoked) == 2)
        c2c = [r for r in revoked if r.conv_type == ConvType.C2C]
        group = [r for r in revoked if r.conv_type == ConvType.GROUP]
        found = alice.find_by_locators("bob", c2c)
        assert list(found.text) == ["oops"] and list(found.status) == [6] and found.index[0] == oops.msg_id
        found = alice.find_by_locators("team", group, "group")
        assert list(found.text) == ["team oops"] and list(found.status) == [6]
        # a locator made from a stored message's fields finds it too; one of nothing, nothing
        mine = alice.messages("bob").set_index("seq")
        locator = {"message_locator_seq": int(mine.index[-1]), "message_locator_rand": kept.raw["message_rand"],
                   "message_locator_time": int(mine.iloc[-1].server_time.timestamp()),
                   "message_locator_is_revoked": False, "message_locator_is_self": False}
        assert list(alice.find_by_locators("bob", [locator, {"message_locator_rand": 1}]).text) == ["kept"]


@pytest.mark.parametrize("locators", [b'{}', b'[1]', b'[{"message_locator_seq": "1"}]',
                                      b'[{"message_locator_is_self": 1}]', b'[{"message_locator_time": -1}]'])
def test_locators_of_the_wrong_shape_are_refused(alice: RawEngine, locators: bytes) -> None:
    assert alice.submit("TIMMsgFindByMsgLocatorList", b"bob", 1, locators, on_done=lambda *reply: None) == -3
