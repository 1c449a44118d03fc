"""Searching the local history (TIMMsgSearchLocalMessages, vendor TIMMessageManager.h 1530-1565,
MessageSearchParam 2479-2503, MessageSearchResult 2504-2528) against the real engine: the index
kept in step with sends, deliveries from other processes, revokes, deletes and clears."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pandas as pd
import pytest

from conftest import RawEngine, engine_library_path, wait_until
from timconv_nb import Client, ConvType
from timconv_nb.classroom import Classroom
from timconv_nb.frames import SEARCH_DTYPES

START = 1_700_000_000




def texts(frame) -> list[str]:
    return list(frame.text)


def test_keywords_any_or_all_short_and_long_in_one_conversation(client: Client) -> None:
    """2481, 2496-2497 (TIMKeywordListMatchType 190-195: Or by default, And); a keyword is found
    anywhere in a text, whatever its case; 1533: newest first, one item for the conversation."""
    for line in ("Hello World", "goodbye world", "hello carol", "hi there", "100% sure_thing", 'say "yes"'):
        client.send_text("bob", line)
    assert texts(client.search_messages(["world"], conv_id="bob")) == ["goodbye world", "Hello World"]
    assert texts(client.search_messages(["HELLO", "bye"], conv_id="bob")) == ["hello carol", "goodbye world",
                                                                              "Hello World"]
    assert texts(client.search_messages(["hello", "world"], match_all=True, conv_id="bob")) == ["Hello World"]
    # keywords under three characters: by reading the texts, alone, with others, all or any
    assert texts(client.search_messages(["hi"], conv_id="bob")) == ["100% sure_thing", "hi there"]
    assert texts(client.search_messages(["hi", "carol"], conv_id="bob")) == ["100% sure_thing", "hi there",
                                                                             "hello carol"]
    assert texts(client.search_messages(["he", "world"], match_all=True, conv_id="bob")) == ["Hello World"]
    # what LIKE and FTS5 read as operators is text here
    assert texts(client.search_messages(["0%"], conv_id="bob")) == ["100% sure_thing"]
    assert texts(client.search_messages(["e_t"], conv_id="bob")) == ["100% sure_thing"]
    assert texts(client.search_messages(['"yes"'], conv_id="bob")) == ['say "yes"']
    assert texts(client.search_messages(["OR"], conv_id="bob")) == ["goodbye world", "Hello World"]
    found = client.search_messages(["world"], conv_id="bob")
    assert found.attrs["total_count"] == 2 and list(found.match_count) == [2, 2]
    assert {c: str(t) for c, t in found.dtypes.items()} == {
        c: str(pd.api.types.pandas_dtype(t)) for c, t in SEARCH_DTYPES.items()}


def test_every_conversation_groups_the_matches_as_the_header_says(client: Client) -> None:
    """2514-2518: searching every conversation, an item per conversation, its messages only when it
    has exactly one match; 2524: the total is the number of conversations; pages of items."""
    client.send_text("bob", "lunch at noon")
    client.send_text("bob", "lunch again")
    client.create_group("Crew", "crew")
    client.send_text("crew", "lunch for the crew", ConvType.GROUP)
    client.send_text("carol", "no match here")
    found = client.search_messages(["lunch"])
    assert found.attrs["total_count"] == 2
    rows = {(row.conv_id, row.conv_type): (row.text, row.match_count) for row in found.itertuples()}
    assert rows[("crew", "group")] == ("lunch for the crew", 1)
    assert rows[("bob", "c2c")][1] == 2 and rows[("bob", "c2c")][0] is pd.NA
    assert len(client.search_messages(["lunch"], page_size=1)) == 1
    assert len(client.search_messages(["lunch"], page_size=1, page=1)) == 1
    assert client.search_messages(["lunch"], page_size=1, page=2).empty


def test_senders_types_time_and_pages_filter(tmp_path: Path) -> None:
    """2483 (types), 2489-2491 (back from the time position over the period), 2493-2495 (pages),
    2499 (senders)."""
    with Client(tmp_path, library=engine_library_path()) as client:
        client.login("alice")
        client.create_group("Crew", "crew", "meeting")
        for i in range(10):
            client.set_clock(START + 60 * i)
            client.send_text("crew", f"note {i}", ConvType.GROUP)
        client.set_clock(START + 600)
        client.send_message("crew", {"message_elem_array": [{"elem_type": 3, "custom_elem_data": "note custom"}]},
                            ConvType.GROUP)
        client.set_clock(None)
        group = {"conv_id": "crew", "conv_type": ConvType.GROUP}
        assert list(client.search_messages(["note"], types=[3], **group).elem_types) == ["3"]
        assert len(client.search_messages(["note"], types=[0], **group)) == 10
        assert texts(client.search_messages(["note"], since=START + 180, period=120, **group)) == [
            "note 3", "note 2", "note 1"]
        assert texts(client.search_messages(["note"], since=START + 60, **group)) == ["note 1", "note 0"]
        pages = [texts(client.search_messages(["note"], page=i, page_size=4, **group)) for i in range(3)]
        assert pages == [["", "note 9", "note 8", "note 7"], ["note 6", "note 5", "note 4", "note 3"],
                         ["note 2", "note 1", "note 0"]]  # the custom message has no text
        with Classroom(client, ["bob"]) as peers:
            peers["bob"].join_group("crew")
            peers["bob"].send_text("crew", "note from bob", "group")
            assert wait_until(lambda: len(client.search_messages(["note"], **group)) == 12)
        assert texts(client.search_messages(senders=["bob"], **group)) == ["note from bob"]
        assert texts(client.search_messages(["from"], senders=["alice"], **group)) == []


def test_the_index_follows_deliveries_revokes_deletes_and_clears_across_processes(tmp_path: Path) -> None:
    """1533: revoked and deleted messages are never found; messages delivered by another process are
    found at once; clearing a history takes its messages out."""
    with Client(tmp_path, library=engine_library_path()) as alice:
        alice.login("alice")
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            kept = bob.send_text("alice", "secret plan A")
            oops = bob.send_text("alice", "secret plan B")
            assert wait_until(lambda: len(alice.search_messages(["secret"], conv_id="bob")) == 2)
            bob.revoke_message(oops)
            assert wait_until(lambda: texts(alice.search_messages(["secret"], conv_id="bob")) == ["secret plan A"])
            assert texts(bob.search_messages(["secret"], conv_id="alice")) == ["secret plan A"]  # his copy too
        assert alice.find_messages([oops.msg_id]).status.tolist() == [6]  # still stored, not found by search
        alice.delete_message({"message_msg_id": kept.msg_id, "message_conv_id": "bob", "message_conv_type": 1})
        assert alice.search_messages(["secret"]).empty
        alice.send_text("carol", "secret recipe")
        alice.send_text("carol", "another secret")
        alice.clear_history("carol")
        assert alice.search_messages(["secret"]).empty
        alice.send_text("carol", "secret again")
        assert texts(alice.search_messages(["secret"])) == ["secret again"]


def ascii_lower(text: str) -> str:
    """ASCII letters in lower case, others as they are: how the engine compares."""
    return "".join(c.lower() if c.isascii() else c for c in text)


def matches(line: str, keywords: list[str], match_all: bool) -> bool:
    hits = [ascii_lower(k) in ascii_lower(line) for k in keywords]
    return all(hits) if match_all else any(hits)


def test_the_index_finds_what_reading_every_text_finds(client: Client) -> None:
    """The FTS5 index against a plain reading of every message, over a random history and random
    searches (any and all, long and short keywords, a conversation or all); ASCII letters match
    whatever their case, others as they are."""
    rng = random.Random(34)
    words = ["apple", "banana", "cherry", "date", "fig", "grape", "kiwi", "lemon", "mango", "xy", "Ünïcødé"]
    sent: list[tuple[str, str]] = []
    for _ in range(600):
        conv = rng.choice(["bob", "carol", "dave"])
        line = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        client.send_text(conv, line)
        sent.append((conv, line))
    for _ in range(60):
        keywords = rng.sample(["app", "NAN", "ch", "x", "mAng", "grape", "ünï", "Ünï", "fig", "emo"], rng.randint(1, 3))
        match_all = rng.random() < 0.5
        conv = rng.choice([None, "bob"])

        expected = sorted(line for c, line in sent
                          if (conv is None or c == conv) and matches(line, keywords, match_all))
        found = client.search_messages(keywords, match_all=match_all, conv_id=conv or "bob")
        if conv is None:
            counts = client.search_messages(keywords, match_all=match_all)
            assert counts.match_count.sum() == len(expected), keywords
        else:
            assert sorted(found.text) == expected, (keywords, match_all)


@pytest.mark.parametrize("param", [
    b'[]', b'{"msg_search_param_keyword_array": "x"}', b'{"msg_search_param_keyword_array": [1]}',
    b'{"msg_search_param_keyword_array": ["x"], "msg_search_param_conv_type": 3}',
    b'{"msg_search_param_keyword_array": ["x"], "msg_search_param_page_size": -1}',
    b'{"msg_search_param_keyword_array": ["x"], "msg_search_param_keyword_list_match_type": 2}',
    b'{"msg_search_param_keyword_array": ["x"], "msg_search_param_send_identifier_array": [7]}',
    b'{"msg_search_param_keyword_array": ["x"], "msg_search_param_message_type_array": ["0"]}',
])
def test_a_search_of_the_wrong_shape_is_refused(alice: RawEngine, param: bytes) -> None:
    assert alice.submit("TIMMsgSearchLocalMessages", param, on_done=lambda *reply: None) == -3


def test_too_many_keywords_or_nothing_to_search_by_is_6017(alice: RawEngine) -> None:
    """2480: at most 5 keywords; keywords or senders must be given; a conversation needs its id."""
    for param in ({"msg_search_param_keyword_array": list("abcdef")}, {"msg_search_param_keyword_array": []},
                  {"msg_search_param_keyword_array": ["x"], "msg_search_param_conv_type": 1}):
        reply = alice.call("TIMMsgSearchLocalMessages", json.dumps(param).encode())
        assert reply.code == 6017 and reply.desc, reply


def test_python_checks_the_search_before_c(client: Client) -> None:
    with pytest.raises(ValueError, match="at most 5 keywords"):
        client.search_messages(list("abcdef"))
    with pytest.raises(ValueError, match="keywords or senders"):
        client.search_messages([])
    with pytest.raises(TypeError, match="a list of ids"):
        client.search_messages("hello")
