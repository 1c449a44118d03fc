"""The conversation frame by every path, over the real engine: the local engine's columns
(timconv_conv_list_columns, what ``Client.conversations()`` uses), the ConvInfo JSON decoded in
C (what Tencent's library gives: timconv_nb._conv_columns, tests/test_conv_columns.py), and the
same JSON parsed generically. The frame must be
the same whichever way it was made; the raw JSON stays only when asked for."""

from __future__ import annotations

import asyncio
import json
import threading

import orjson
import pandas as pd
import pytest

from timconv_nb import AT_ALL, Client, MarkType, ReceiveOpt, _conv_columns
from timconv_nb.frames import CONVERSATION_DTYPES, conversations_frame, conversations_frame_from_columns
from timconv_nb.model import VENDOR_PIN_BIT
from timconv_nb.typed_json import DecodeError, decode_conv_columns

XSS = "<img src=x onerror=alert(1)>"


def raw_reply(client: Client, function: str) -> str:
    """The callback JSON of a C call without arguments, as the library gives it."""
    done = threading.Event()
    out: list[str] = []
    assert client.native.call(function, on_done=lambda code, desc, payload: (out.append(payload), done.set())) == 0
    assert done.wait(10)
    return out[0]


def varied(client: Client) -> None:
    """Conversations of every shape the frame has a column for."""
    client.create_conversation("bob")
    client.create_conversation(XSS)
    client.set_draft(XSS, "ünïcödé draft 🎈", user_define=XSS)
    client.create_group("Team", "team", "work", members=["bob", "carol"])
    client.login("bob")
    client.send_text("team", "look", "group", at=["alice"])
    client.send_text("team", "everyone", "group", at=[AT_ALL])
    client.send_text("alice", "hi alice")
    client.login("alice")
    client.pin("bob")
    client.mark_conversations(["c2c_bob"], MarkType.STAR | MarkType.FOLD)
    client.mark_conversations([f"c2c_{XSS}"], 1 << 40)  # a custom mark
    client.create_conversation_group("friends, family", ["c2c_bob"])  # a comma in a group name
    client.set_custom_data(["c2c_bob"], "mine")
    client.set_c2c_receive_option(["dave"], ReceiveOpt.NOT_NOTIFY)
    client.create_conversation("dave")
    oops = client.send_text("dave", "oops")
    client.revoke_message(oops)
    client.send_text("erin", "to be cleared")
    client.clear_history("erin")
    two = json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": "one "},
                                             {"elem_type": 0, "text_elem_content": "two"}]}).encode()
    done = threading.Event()
    assert client.native.call("TIMMsgSendMessage", b"frank", 1, two, None, on_done=lambda *reply: done.set()) == 0
    assert done.wait(10)
    client.mark_read("bob")


def test_every_path_gives_the_same_frame(client: Client) -> None:
    varied(client)
    listed = raw_reply(client, "TIMConvGetConvList")
    by_columns = client.conversations()
    _conv_columns.decode(listed)  # the decoder takes the list: its path is the one compared below
    typed = conversations_frame(listed)
    generic = conversations_frame(orjson.loads(listed))
    for frame in (typed, generic):
        pd.testing.assert_frame_equal(by_columns, frame)
    assert list(by_columns.columns) == list(CONVERSATION_DTYPES)
    rows = by_columns.to_dict("index")
    assert rows["group_team"]["last_msg_text"] == "everyone" and rows["group_team"]["group_at"] == "me,all"
    assert rows["c2c_dave"]["last_msg_revoked"] and rows["c2c_dave"]["recv_opt"] == ReceiveOpt.NOT_NOTIFY
    assert pd.isna(rows["c2c_erin"]["last_msg_text"]) and rows["c2c_frank"]["last_msg_text"] == "one two"
    assert rows["c2c_bob"]["groups"] == ("friends, family",) and rows["c2c_bob"]["marks"] == "star,fold"
    assert rows[f"c2c_{XSS}"]["marks"] == "custom40" and rows[f"c2c_{XSS}"]["draft_text"] == "ünïcödé draft 🎈"
    assert by_columns.index[0] == "c2c_bob"  # pinned first, as the SDK orders
    # The list's own JSON is what keep_json keeps, and only then.
    assert "json" not in by_columns.attrs
    assert json.loads(client.conversations(keep_json=True).attrs["json"]) == json.loads(listed)


def test_the_columns_follow_every_change_of_a_last_message(client: Client) -> None:
    """The engine keeps each last message's summary beside it (a trigger): sends, receipts,
    revokes, deletes and a cleared history all show in the columns as in the list."""
    sent = [client.send_text("bob", f"message {i}") for i in range(3)]
    client.delete_message(sent[2])
    client.revoke_message(sent[1])
    client.login("bob")
    client.send_text("alice", "a reply")
    client.login("alice")
    # keep_json=True lists through TIMConvGetConvList's JSON: the list, not its columns.
    pd.testing.assert_frame_equal(client.conversations(), client.conversations(keep_json=True))
    client.clear_history("bob")
    pd.testing.assert_frame_equal(client.conversations(), client.conversations(keep_json=True))
    assert pd.isna(client.conversations().loc["c2c_bob", "last_msg_text"])


def test_an_empty_list(client: Client) -> None:
    empty = client.conversations()
    assert len(empty) == 0 and list(empty.columns) == list(CONVERSATION_DTYPES)
    pd.testing.assert_frame_equal(empty, conversations_frame("[]"))
    pd.testing.assert_frame_equal(empty, client.conversations(keep_json=True))


def vendor_shaped() -> list[dict]:
    """ConvInfo as Tencent's library writes it: a pinned conversation's active time carries bit
    62, keys it adds that the frame does not read, a time past what a datetime holds, nulls."""
    message = {"message_elem_array": [{"elem_type": 0, "text_elem_content": "hello", "extra": [1, {"x": None}]}],
               "message_sender": "98826", "message_server_time": 1620877708, "message_status": 2,
               "message_cloud_custom_str": "", "message_sender_profile": {"user_profile_nick_name": "n"}}
    tip = {"message_elem_array": [{"elem_type": 5, "group_tips_elem_tip_type": 1, "group_tips_elem_op_user": "bob",
                                   "group_tips_elem_user_array": ["bob"]}], "message_sender": "bob"}
    return [
        {"conv_id": "98826", "conv_type": 1, "conv_owner": "me", "conv_unread_num": 2,
         "conv_active_time": VENDOR_PIN_BIT | 1620877708, "conv_is_has_lastmsg": True, "conv_last_msg": message,
         "conv_is_has_draft": True, "conv_draft": {"draft_msg": {"message_elem_array": []}, "draft_edit_time": 2**60},
         "conv_is_pinned": True, "conv_show_name": "Nick", "conv_face_url": "", "conv_mark_array": [1, 4],
         "conv_group_at_info_array": [], "conv_unknown_future_key": {"a": [1, 2, 3]}},
        {"conv_id": "g1", "conv_type": 2, "conv_is_has_lastmsg": True, "conv_last_msg": tip,
         "conv_is_has_draft": False, "conv_draft": None, "conv_group_read_sequence": 7,
         "conv_group_at_info_array": [{"conv_group_at_info_seq": 3, "conv_group_at_info_at_type": 3}]},
        {"conv_id": "g2", "conv_type": 2, "conv_show_name": None, "conv_custom_data": None,
         "conv_is_has_lastmsg": False, "conv_last_msg": message},  # the flag says no last message
    ]


def test_vendor_json_decoded_and_generic_agree() -> None:
    items = vendor_shaped()
    text = json.dumps(items)
    typed, generic = conversations_frame(text), conversations_frame(items)
    pd.testing.assert_frame_equal(typed, generic)
    assert typed.loc["c2c_98826", "active_time"] == pd.Timestamp(1620877708, unit="s", tz="UTC")  # bit 62 dropped
    assert typed.loc["c2c_98826", "draft_edit_time"] is pd.NaT and typed.loc["c2c_98826", "draft_text"] == ""
    assert typed.loc["group_g1", "last_msg_text"] == "[bob joined]" and typed.loc["group_g1", "group_at"] == "all_me"
    assert pd.isna(typed.loc["group_g2", "last_msg_text"]) and pd.isna(typed.loc["group_g2", "show_name"])
    assert len(_conv_columns.decode(text)[0][0]) == 3  # decoded in C, not refused
    pd.testing.assert_frame_equal(conversations_frame(text.encode()), typed)  # bytes decode as text does


@pytest.mark.parametrize("change, decoded", [
    (lambda items: items[0].update(conv_unread_num="2"), False),  # a member of another type
    (lambda items: items[1].update(conv_group_at_info_array=[{"conv_group_at_info_at_type": "x"}]), True),
    (lambda items: items[0]["conv_last_msg"].update(message_elem_array={"not": "a list"}), True),
])
def test_json_of_other_types_gives_the_generic_frame_or_error(change, decoded: bool) -> None:
    """A member of another type is refused by the decoder (then parsed generically), or handed
    over as it is parsed (an @ reminder, a message's elements): the frame, or its error, is the
    generic path's either way."""
    items = vendor_shaped()
    change(items)
    text = json.dumps(items)
    try:
        _conv_columns.decode(text)
    except ValueError:
        assert not decoded
    else:
        assert decoded
    try:
        expected = conversations_frame(items)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # the generic path refuses it too
        with pytest.raises(type(exc)):
            conversations_frame(text)
    else:
        pd.testing.assert_frame_equal(conversations_frame(text), expected)


def uneven_columns() -> str:
    """Every column of timconv_conv_list_columns, one of them a value short."""
    fields = decode_conv_columns.__globals__["ConvColumns"].__struct_encode_fields__
    columns = {name: [None, None] for name in fields}
    columns.update(conv_id=["a", "b"], conv_type=[1, 2])
    columns["conv_last_msg"] = [None]
    return json.dumps(columns)


@pytest.mark.parametrize("bad", ['{"conv_id": ["a"]}', '{"conv_id": ["a", "b"], "conv_type": [1]}', "[]", "{",
                                 '{"conv_id": [1]}', uneven_columns()])
def test_columns_that_do_not_fit_are_refused(bad: str) -> None:
    with pytest.raises(DecodeError):
        decode_conv_columns(bad)
    with pytest.raises(DecodeError):
        conversations_frame_from_columns(bad)


def test_async_and_recorded_listings_give_the_same_frame(client: Client) -> None:
    """The columns are decoded on the engine's thread, in place; awaited, or recorded (the
    recorder keeps the reply's text), the frame is the same."""
    varied(client)
    listed = client.conversations(keep_json=True)
    pd.testing.assert_frame_equal(asyncio.run(client.conversations_async()), listed)
    with client.recording() as recorder:
        pd.testing.assert_frame_equal(client.conversations(), listed)
        pd.testing.assert_frame_equal(asyncio.run(client.conversations_async()), listed)
    records = [r for r in recorder.records if r.function == "timconv_conv_list_columns"]
    assert len(records) == 2 and all(r.code == 0 for r in records)
    assert all(r.json["conv_id"] == list(listed.conv_id) for r in records)
