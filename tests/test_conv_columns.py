"""The vendor listing's decoder (timconv_nb._conv_columns, C with yyjson): a ConvInfo array's
JSON text becomes the conversation frame's columns, as declared (conversation_columns.COLUMNS).
Whatever it takes must give the frame the generic parse gives (orjson, then the declaration read
over the parsed dicts); whatever it refuses
(ValueError) is parsed generically, so the frame, or the error, is the generic one either way.
Documents of every shape: generated at random (seeded), cut across the decoder's window, and
malformed."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any, Optional

import orjson
import pandas as pd
import pytest

import timconv_nb
from timconv_nb import _conv_columns, frames
from timconv_nb.conversation_columns import COLUMNS, CONV_TYPE, TIME
from timconv_nb.frames import CONVERSATION_DTYPES, conversations_frame

#: The decoder's first window (array_reader.c FIRST_WINDOW): elements larger than it, and
#: elements across its end, must be read whole.
WINDOW = 256 * 1024


def generic_or_error(text: str) -> tuple[Optional[pd.DataFrame], Optional[type]]:
    """The generic path's frame of ``text``, or the type of the error it raises."""
    try:
        return conversations_frame(orjson.loads(text)), None
    except Exception as error:  # noqa: BLE001 - whichever error the generic path gives is expected
        return None, type(error)


def assert_as_generic(text: str) -> Optional[pd.DataFrame]:
    """conversations_frame(text) gives what the generic path gives: the same frame, or an error
    of the same type."""
    expected, error = generic_or_error(text)
    if error is not None:
        with pytest.raises(error):
            conversations_frame(text)
        return None
    frame = conversations_frame(text)
    pd.testing.assert_frame_equal(frame, expected)
    return frame


def taken(text: str) -> bool:
    """Whether the decoder takes ``text`` (else ValueError: the generic path parses it)."""
    try:
        _conv_columns.decode(text)
    except ValueError:
        return False
    return True


def test_the_decoder_in_use_is_the_one_under_test() -> None:
    """The package's build, or the one TIMCONV_TEST_CONV_COLUMNS names (the sanitizer run)."""
    package_build = Path(timconv_nb.__file__).parent / "_conv_columns.abi3.so"  # on the stable ABI (setup.py)
    expected = Path(os.environ.get("TIMCONV_TEST_CONV_COLUMNS") or package_build)
    assert Path(frames._conv_columns.__file__).resolve() == expected.resolve()
    assert frames._conv_columns is _conv_columns


TEXT = {"elem_type": 0, "text_elem_content": "héllo \u0000 \"quoted\" \\ 🎈"}
TIP = {"elem_type": 5, "group_tips_elem_tip_type": 1, "group_tips_elem_op_user": "bob",
       "group_tips_elem_user_array": ["bob", "carol"]}
REPORT = {"elem_type": 8, "group_report_elem_report_type": 5, "group_report_elem_op_user": "owner"}  # dismissed
IMAGE = {"elem_type": 1, "image_elem_orig_path": "/x.png"}


def random_value(rng: random.Random, depth: int = 0) -> Any:
    """Any JSON value, small."""
    kinds = ["null", "bool", "int", "float", "str"] + (["list", "dict"] if depth < 3 else [])
    kind = rng.choice(kinds)
    if kind == "null":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.choice([0, 1, 2, 6, -5, 2**31, 2**62 | 17, 2**63 - 1, 2**64 - 1])
    if kind == "float":
        return rng.choice([0.5, -1.25, 1e300, 3.0])
    if kind == "str":
        return rng.choice(["", "x", "ünï", "a,b", "<b>", "\ud83c\udf88", "\\n\"", "\u2028"])
    if kind == "list":
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    return {rng.choice(["k", "ü", "elem_type", "conv_id"]): random_value(rng, depth + 1)
            for _ in range(rng.randrange(3))}


def usual_or(rng: random.Random, usual: Any, odd: float = 0.03) -> Any:
    """Mostly the usual value; now and then any JSON value, or the key left out (the sentinel
    ``...``)."""
    roll = rng.random()
    if roll < odd / 2:
        return ...
    if roll < odd:
        return random_value(rng)
    return usual


def present(members: dict) -> dict:
    """The members not left out."""
    return {key: value for key, value in members.items() if value is not ...}


def random_message(rng: random.Random) -> Any:
    elems = rng.choice([[TEXT], [TEXT, TEXT], [TIP], [REPORT], [IMAGE], [TEXT, IMAGE], [], [{"elem_type": 0}],
                        [TEXT] * 9, [{"elem_type": 0, "text_elem_content": 5}], ["not an object"]])
    message = {"message_elem_array": usual_or(rng, elems), "message_sender": usual_or(rng, "98826"),
               "message_server_time": usual_or(rng, rng.choice([1620877708, 0, 2**62 | 1620877708])),
               "message_status": usual_or(rng, rng.choice([2, 6])), "message_msg_id": "id",
               "message_sender_profile": {"user_profile_nick_name": "n", "user_profile_face_url": ""}}
    return usual_or(rng, present(message))


def random_conv_info(rng: random.Random) -> Any:
    info = {
        "conv_id": usual_or(rng, rng.choice(["98826", "g1", "", "ünï,<x>"]), 0.03),
        "conv_type": usual_or(rng, rng.choice([1, 2]), 0.03),
        "conv_owner": "me",
        "conv_unread_num": usual_or(rng, rng.randrange(100)),
        "conv_active_time": usual_or(rng, rng.choice([1620877708, 2**62 | 1620877708, 2**40])),
        "conv_is_has_lastmsg": usual_or(rng, rng.random() < 0.8),
        "conv_last_msg": random_message(rng),
        "conv_is_has_draft": usual_or(rng, rng.random() < 0.2),
        "conv_draft": usual_or(rng, present({"draft_msg": random_message(rng), "draft_user_define": usual_or(rng, "u"),
                                             "draft_edit_time": usual_or(rng, 1620877709)})),
        "conv_recv_opt": usual_or(rng, rng.choice([0, 1, 2])),
        "conv_is_pinned": usual_or(rng, rng.random() < 0.05),
        "conv_show_name": usual_or(rng, "Nick"),
        "conv_face_url": "",
        "conv_mark_array": usual_or(rng, rng.choice([[], [1], [1, 4, 2**40], [-1, True]])),
        "conv_custom_data": usual_or(rng, ""),
        "conv_conversation_group_array": usual_or(rng, rng.choice([[], ["friends, family"], ["a", "b"]])),
        "conv_group_at_info_array": usual_or(rng, rng.choice([[], [{"conv_group_at_info_at_type": 1}],
                                                                [{"conv_group_at_info_at_type": 3},
                                                                 {"conv_group_at_info_at_type": 2}]])),
        "conv_c2c_read_timestamp": usual_or(rng, rng.choice([0, 1620877700])),
        "conv_group_read_sequence": usual_or(rng, rng.choice([0, 7])),
    }
    if rng.random() < 0.05:  # the vendor adds keys the frame does not read
        info["conv_future"] = random_value(rng)
    return present(info) if rng.random() < 0.99 else random_value(rng)


def test_random_documents_give_the_generic_frame_or_error() -> None:
    rng = random.Random(20261202)
    kept = refused = 0
    for _ in range(400):
        items = [random_conv_info(rng) for _ in range(rng.randrange(1, 6))]
        text = json.dumps(items, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))
        if taken(text):
            kept += 1
        else:
            refused += 1
        assert_as_generic(text)
    # Both ways were exercised: most documents decoded in C, some refused to the generic parse.
    assert kept > 150 and refused > 50, (kept, refused)


def test_a_usual_listing_is_decoded_in_c_with_its_texts() -> None:
    shapes = {"text": [TEXT], "two texts": [TEXT, TEXT], "tip": [TIP], "report": [REPORT], "image": [IMAGE]}
    items = [{"conv_id": f"{name} {i}", "conv_type": 2, "conv_is_has_lastmsg": True,
              "conv_last_msg": {"message_elem_array": elems, "message_sender": "bob", "message_status": 2}}
             for i in range(40) for name, elems in shapes.items()]
    text = json.dumps(items)
    values, deferred = _conv_columns.decode(text)
    assert len(values[0]) == 200
    # Only the tips, reports and images are left to model.message_text, as parsed dicts.
    assert sorted(row for _, row in deferred) == [row for row, item in enumerate(items)
                                                  if not item["conv_id"].startswith(("text", "two texts"))]
    frame = assert_as_generic(text)
    texts = dict(zip(frame.conv_id, frame.last_msg_text))
    content = TEXT["text_elem_content"]
    assert texts["text 0"] == content and texts["two texts 0"] == content * 2 and texts["image 0"] == ""
    assert texts["tip 0"] == "[bob, carol joined]" and texts["report 0"] == "[owner dismissed the group]"


def test_bytes_decode_as_text_does() -> None:
    text = json.dumps([random_conv_info(random.Random(3)) for _ in range(5)], ensure_ascii=False)
    pd.testing.assert_frame_equal(conversations_frame(text.encode()), conversations_frame(text))


def sized_conv_info(i: int, size: int) -> dict:
    """A ConvInfo about ``size`` characters long, its draft's text full of escapes."""
    return {"conv_id": f"c{i}", "conv_type": 1, "conv_is_has_draft": True,
            "conv_draft": {"draft_msg": {"message_elem_array": [
                {"elem_type": 0, "text_elem_content": ("é\\\"" * size)[:size]}]}}}


@pytest.mark.parametrize("sizes, indent", [
    ([900] * 1200, None),                     # some hundreds per window, elements across its ends
    ([900] * 600, 2),                         # the same, pretty-printed: whitespace at the ends
    ([10, 3 * WINDOW, 10, WINDOW - 40, 7], None),  # larger than the window: it grows
    ([WINDOW * 5], 1),                        # one element, five windows long
])
def test_elements_across_the_window_are_read_whole(sizes: list[int], indent: Optional[int]) -> None:
    items = [sized_conv_info(i, size) for i, size in enumerate(sizes)]
    text = json.dumps(items, indent=indent)
    assert len(text) > WINDOW and taken(text)
    frame = assert_as_generic(text)
    assert list(frame.draft_text) == [item["conv_draft"]["draft_msg"]["message_elem_array"][0]["text_elem_content"]
                                      for item in items]


FRAMINGS = ["", " ", "[", "]", "[]", " [ ]\n\t", "[] x", "[]]", "{}", "[,]", "[1]", "null", "\ufeff[]",
            '[{"conv_id": "a", "conv_type": 1},]', '[{"conv_id": "a", "conv_type": 1}{"conv_id": "b", "conv_type": 1}]',
            '[{"conv_id": "a", "conv_type": 1},,{"conv_id": "b", "conv_type": 1}]',
            '[{"conv_id": "a", "conv_type": 1}',
            '[{"conv_id": "a", "conv_type": 1} , {"conv_id": "b", "conv_type": 2} ]',
            '[{"conv_id": "a", "conv_type": 1, "conv_id": "b"}]', '[{"conv_id": "a", "conv_type": 3}]',
            '[{"conv_id": "a", "conv_type": 1, "conv_unread_num": 18446744073709551616}]',
            '[{"conv_id": "a", "conv_type": 1, "conv_unread_num": 1.0}]',
            '[{"conv_id": "a", "conv_type": 1, "conv_c2c_read_timestamp": -0}]',
            '[{"conv_id": "\\ud800", "conv_type": 1}]',
            '[{"conv_id": "a", "conv_type": 1, "conv_mark_array": ' + "[" * 100 + "]" * 100 + "}]",
            '[{"conv_id": "a", "conv_type": 1, "conv_show_name": "\xff"}]']


@pytest.mark.parametrize("text", FRAMINGS)
def test_any_text_gives_the_generic_frame_or_error(text: str) -> None:
    assert_as_generic(text)


@pytest.mark.parametrize("text, decoded", [
    ("[]", True), (" [ ]\n\t", True), ("[] x", False), ("[,]", False),
    ('[{"conv_id": "a", "conv_type": 1},]', False),
    ('[{"conv_id": "a", "conv_type": 1} , {"conv_id": "b", "conv_type": 2} ]', True),
    ('[{"conv_id": "a", "conv_type": 1, "conv_id": "b"}]', False),
    ('[{"conv_id": "a", "conv_type": 1, "conv_unread_num": 18446744073709551616}]', False)])
def test_the_decoder_takes_only_one_array_of_what_it_reads(text: str, decoded: bool) -> None:
    assert taken(text) is decoded


def test_a_non_text_argument_is_a_type_error() -> None:
    for argument in (None, 5, bytearray(b"[]"), ["[]"]):
        with pytest.raises(TypeError):
            _conv_columns.decode(argument)


def test_the_vendor_example_and_its_flags() -> None:
    """The vendor's own example of a ConvInfo array (TIMConversationManager.h 112-135:
    "conv_active_time": 4611686018427387909, "conv_is_has_draft": false, "conv_is_has_lastmsg":
    true, a last message of one text element "11111" from "98826"), decoded in C. The flags rule
    the members after them (948-955: "bool, 只读, 会话是否有最后一条消息", whether the conversation
    has a last message, before "conv_last_msg"; "会话是否有草稿", whether it has a draft, before
    "conv_draft"): a member its flag denies does not count."""
    example = {"conv_active_time": 4611686018427387909, "conv_id": "98826", "conv_type": 1,
               "conv_is_has_draft": False, "conv_draft": {"draft_msg": {"message_elem_array": [TEXT]}},
               "conv_is_has_lastmsg": True, "conv_is_pinned": True,
               "conv_last_msg": {"message_client_time": 1620877708, "message_conv_id": "98826",
                                 "message_elem_array": [{"elem_type": 0, "text_elem_content": "11111"}],
                                 "message_sender": "98826", "message_server_time": 1620877708,
                                 "message_sender_profile": {"user_profile_nick_name": "test change8888"}}}
    denied = {**example, "conv_id": "denied", "conv_is_has_lastmsg": False}
    text = json.dumps([example, denied])
    assert taken(text)
    frame = assert_as_generic(text).set_index("conv_id")
    assert frame.loc["98826", "last_msg_text"] == "11111" and frame.loc["98826", "last_msg_sender"] == "98826"
    assert not frame.loc["98826", "has_draft"] and pd.isna(frame.loc["98826", "draft_text"])
    assert pd.isna(frame.loc["denied", "last_msg_text"]) and pd.isna(frame.loc["denied", "last_msg_time"])
    # 4611686018427387909 is 2^62 (the pin bit the vendor sets on a pinned conversation) + 5.
    assert frame.loc["98826", "active_time"] == pd.Timestamp(5, unit="s", tz="UTC")


#: The Python types of the values a column of each declared dtype holds once finished (the frame
#: takes them as they are: frames._frame with typed=True checks no value again).
VALUE_TYPES = {"string": {str, type(None)}, "int64": {int}, "bool": {bool}, "Int64": {int, type(None)},
               "boolean": {bool, type(None)}, "object": {tuple}, TIME: {int, type(None)}, CONV_TYPE: {str}}


def test_the_decoder_makes_the_declared_columns_in_order() -> None:
    """The C decoder makes exactly the declared columns (conversation_columns.COLUMNS), in the
    declared order; once frames finishes what it leaves to Python, each column holds the values
    the declaration reads off the parsed ConvInfo, of the same types, which the declared dtype
    holds; and the frame has the declared dtypes."""
    assert _conv_columns.COLUMNS == tuple(column.name for column in COLUMNS) == tuple(CONVERSATION_DTYPES)
    rng = random.Random(20261203)
    items = [random_conv_info(rng) for _ in range(300)]
    documents = [json.dumps([item]) for item in items] + [json.dumps([TEXT_LAST, TIP_LAST])]
    taken_documents = [text for text in documents if taken(text)]
    assert len(taken_documents) > 150
    for text in taken_documents:
        decoded, decoded_index = frames._columns_of_text(text)
        read, read_index = frames._columns_of_dicts(orjson.loads(text))
        assert list(decoded) == list(read) == list(CONVERSATION_DTYPES) and decoded_index == read_index
        for column in COLUMNS:
            values = decoded[column.name]
            assert [(type(v), v) for v in values] == [(type(v), v) for v in read[column.name]], (column.name, text)
            assert {type(v) for v in values} <= VALUE_TYPES[column.dtype], (column.name, values)
        frame = conversations_frame(text)
        assert {c: str(t) for c, t in frame.dtypes.items()} == {
            c: str(pd.api.types.pandas_dtype(t)) for c, t in CONVERSATION_DTYPES.items()}


TEXT_LAST = {"conv_id": "t", "conv_type": 1, "conv_is_has_lastmsg": True,
             "conv_last_msg": {"message_elem_array": [TEXT]}, "conv_is_has_draft": True,
             "conv_draft": {"draft_msg": {"message_elem_array": [TEXT, TEXT]}},
             "conv_mark_array": [1, 2**40], "conv_conversation_group_array": ["a, b"], "conv_c2c_read_timestamp": 5}
TIP_LAST = {"conv_id": "g", "conv_type": 2, "conv_is_has_lastmsg": True, "conv_last_msg": {"message_elem_array": [TIP]},
            "conv_group_at_info_array": [{"conv_group_at_info_at_type": 3}], "conv_group_read_sequence": 9}
