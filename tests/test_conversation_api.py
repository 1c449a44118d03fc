"""The rest of the conversation API (issue #10): custom data, conversation groups and their
callbacks, unread totals by filter and their subscriptions, cleaning unread counts; checked
against a Python model on a random workload, across processes and across restarts."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from conftest import RawEngine, wait_until
from test_messages import Peer
from timconv_nb import Client, InvalidConversationError, MarkType, native
from timconv_nb.errors import InvalidGroupError, InvalidParameterError
from timconv_nb.frames import CONVERSATION_DTYPES


def wait_for(predicate, timeout: float = 5.0) -> None:
    """Waits until predicate() holds (events arrive on the engine's thread)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


def receive(client: Client, me: str, sender: str, count: int, conv: str = "", kind: str = "c2c") -> None:
    """Logs in as sender, sends `count` messages to me (or to group conv), and logs me back in."""
    client.login(sender)
    for i in range(count):
        client.send_text(conv or me, f"message {i}", kind)
    client.login(me)


def receive_in_group(client: Client, me: str, member: str, group: str, count: int) -> None:
    """member makes group (a Work group with me in it: its tip is the group's message 1), then
    sends `count` messages to it."""
    client.login(member)
    client.create_group(group, group, "work", members=[me])
    receive(client, me, member, count, conv=group, kind="group")


# ---- custom data ----

def test_custom_data_set_listed_and_limited(client: Client) -> None:
    client.create_conversation("bob")
    client.create_conversation("team", "group")
    updates = []
    client.on("update", lambda event, convs: updates.extend(c.key for c in convs))
    results = client.set_custom_data(["c2c_bob", "group_team", "c2c_nobody", "bogus"], "tag: ünïcode")
    assert results["c2c_bob"] is None and results["group_team"] is None
    assert isinstance(results["c2c_nobody"], InvalidConversationError) and results["bogus"].code == 6017
    assert client.conversation("bob").custom_data == "tag: ünïcode"
    frame = client.conversations()
    assert frame.loc["group_team", "custom_data"] == "tag: ünïcode" and frame["custom_data"].dtype == "string"
    assert sorted(updates) == ["c2c_bob", "group_team"]
    client.set_custom_data(["c2c_bob"], "x" * 256)
    assert client.conversation("bob").custom_data == "x" * 256
    with pytest.raises(ValueError, match="at most 256 bytes"):
        client.set_custom_data(["c2c_bob"], "é" * 129)
    client.set_custom_data(["c2c_bob"], "")
    assert client.conversation("bob").custom_data == ""
    lib = client.native.lib
    assert lib.TIMConvSetConversationCustomData(b'["c2c_bob"]', b"x" * 257, native.ffi.NULL, native.ffi.NULL) == -4
    assert lib.TIMConvSetConversationCustomData(b'["c2c_bob"]', b"\xff", native.ffi.NULL, native.ffi.NULL) == -4
    assert lib.TIMConvSetConversationCustomData(b"[]", b"x", native.ffi.NULL, native.ffi.NULL) == -4
    assert lib.TIMConvSetConversationCustomData(b"{}", b"x", native.ffi.NULL, native.ffi.NULL) == -3
    assert client.conversation("team", "group").custom_data == "tag: ünïcode"  # refused calls changed nothing


def test_custom_data_over_100_ids_is_51006(alice: RawEngine) -> None:
    ids = json.dumps([f"c2c_x{i}" for i in range(101)]).encode()
    reply = alice.call("TIMConvSetConversationCustomData", ids, b"x")
    assert reply.code == 51006 and "100" in reply.desc


# ---- marks ----

def test_marks_decoded_to_names(client: Client) -> None:
    for peer in ("bob", "carol"):
        client.create_conversation(peer)
    client.mark_conversations(["c2c_bob"], MarkType.STAR)
    client.mark_conversations(["c2c_bob"], MarkType.HIDE)
    client.mark_conversations(["c2c_bob"], 1 << 40)
    client.mark_conversations(["c2c_carol"], MarkType.UNREAD | MarkType.FOLD)
    frame = client.conversations()
    assert frame.loc["c2c_bob", "marks"] == "star,hide,custom40"
    assert frame.loc["c2c_carol", "marks"] == "unread,fold"
    assert frame["marks"].dtype == "string"
    assert client.conversation("bob").marks == ("star", "hide", "custom40")
    client.mark_conversations(["c2c_bob"], MarkType.STAR, enable=False)
    assert client.conversation("bob").marks == ("hide", "custom40")


# ---- conversation groups ----

def test_group_calls_and_their_callbacks(client: Client) -> None:
    for peer in ("bob", "carol", "dave"):
        client.create_conversation(peer)
    seen: list[tuple] = []
    for event in ("group_created", "group_added", "group_removed"):
        client.on(event, lambda name, convs, *rest, event=event:
                  seen.append((event, name, sorted(c.key for c in convs), *rest)))
    client.on("group_deleted", lambda name: seen.append(("group_deleted", name)))
    client.on("group_renamed", lambda old, new: seen.append(("group_renamed", old, new)))

    client.create_conversation_group("friends", ["c2c_bob", "c2c_carol"])
    client.create_conversation_group("work", ["c2c_dave"])
    assert client.conversation_group_list() == ["friends", "work"]
    client.add_to_conversation_group("friends", ["c2c_dave"])
    results = client.remove_from_conversation_group("friends", ["c2c_carol", "c2c_nobody", "c2c_dave", "c2c_bob"])
    assert results["c2c_carol"] is None and results["c2c_bob"] is None
    assert isinstance(results["c2c_nobody"], InvalidConversationError)
    client.remove_from_conversation_group("friends", ["c2c_carol"])  # not in it any more: succeeds unchanged
    client.create_conversation_group("later", ["c2c_carol"])
    client.rename_conversation_group("work", "office")
    assert client.conversation("dave").groups == ("office",)
    client.delete_conversation_group("office")
    assert client.conversation_group_list() == ["friends", "later"]  # an emptied group stays
    assert client.conversation("dave").groups == ()
    frame = client.conversations()
    assert frame.loc["c2c_carol", "groups"] == ("later",) and frame["groups"].dtype == object
    wait_for(lambda: len(seen) == 7)
    assert seen == [
        ("group_created", "friends", ["c2c_bob", "c2c_carol"]),
        ("group_created", "work", ["c2c_dave"]),
        ("group_added", "friends", ["c2c_dave"]),
        ("group_removed", "friends", ["c2c_bob", "c2c_carol", "c2c_dave"], 0),
        ("group_created", "later", ["c2c_carol"]),
        ("group_renamed", "work", "office"),
        ("group_deleted", "office"),
    ]


def test_group_error_codes(client: Client) -> None:
    client.create_conversation("bob")
    client.create_conversation_group("a", ["c2c_bob"])
    client.create_conversation_group("b", ["c2c_bob"])
    for call, args in [(client.remove_from_conversation_group, ("nope", ["c2c_bob"])),
                       (client.delete_conversation_group, ("nope",)),
                       (client.rename_conversation_group, ("nope", "c"))]:
        with pytest.raises(InvalidGroupError) as info:
            call(*args)
        assert info.value.code == 51009
    with pytest.raises(InvalidParameterError) as info:
        client.rename_conversation_group("a", "b")
    assert info.value.code == 6017
    with pytest.raises(InvalidParameterError) as info:
        client.rename_conversation_group("a", "y" * 33)
    assert info.value.code == 51011
    assert client.conversation_group_list() == ["a", "b"] and client.conversation("bob").groups == ("a", "b")
    lib = client.native.lib
    for name in (native.ffi.NULL, b"", b"\xff", b"x" * 128):
        assert lib.TIMConvDeleteConversationGroup(name, native.ffi.NULL, native.ffi.NULL) == -4
        assert lib.TIMConvRenameConversationGroup(b"a", name, native.ffi.NULL, native.ffi.NULL) == -4
        assert lib.TIMConvDeleteConversationsFromGroup(name, b'["c2c_bob"]', native.ffi.NULL, native.ffi.NULL) == -4


def test_a_group_that_none_of_its_conversations_joined_is_not_created(client: Client) -> None:
    """The vendor's TIMConversationManager.h 770: conversation_id_array is required and must not be
    empty (必填参数，不能为空): a group starts with a conversation. A create none of whose entries
    joins (conv_ids instead of conversation IDs, unknown conversations) fails with 6017 and makes
    no group and no created event; one entry that joins is enough."""
    client.create_conversation("bob")
    created: list[str] = []
    client.on("group_created", lambda name, convs: created.append(name))
    with pytest.raises(InvalidParameterError) as info:
        client.create_conversation_group("family", ["bob", "c2c_nobody"])
    assert info.value.code == 6017 and "not created" in info.value.desc
    assert client.conversation_group_list() == []
    results = client.create_conversation_group("family", ["bob", "c2c_bob"])
    assert results["c2c_bob"] is None and results["bob"].code == 6017
    assert client.conversation_group_list() == ["family"] and wait_until(lambda: created == ["family"])


def test_a_group_holds_at_most_1000_conversations(client: Client) -> None:
    keys = [f"c2c_p{i:04d}" for i in range(1001)]
    for key in keys:
        client.create_conversation(key[4:])
    client.create_conversation_group("big", keys[:100])
    for start in range(100, 1000, 100):
        assert all(r is None for r in client.add_to_conversation_group("big", keys[start:start + 100]).values())
    results = client.add_to_conversation_group("big", [keys[1000], keys[0]])
    assert results[keys[1000]].code == 51008 and results[keys[0]] is None  # already in: fine
    assert client.conversation_page(group="big", count=2000)[0].shape[0] == 1000


# ---- unread by filter, subscriptions, cleaning ----

def test_unread_by_filter_and_subscriptions(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        receive(client, "alice", "bob", 3)
        receive(client, "alice", "carol", 2)
        receive_in_group(client, "alice", "bob", "team", 4)
        client.mark_conversations(["c2c_bob", "group_team"], MarkType.STAR)
        client.create_conversation_group("close", ["c2c_carol"])
        assert client.total_unread() == 9 and client.unread_count() == 9
        assert client.unread_count(conv_type="c2c") == 5 and client.unread_count(conv_type="group") == 4
        assert client.unread_count(mark=MarkType.STAR) == 7 and client.unread_count(group="close") == 2
        assert client.unread_count(mark=MarkType.STAR, conv_type="c2c") == 3
        assert client.unread_count(group="nope") == 0

        changes: list[tuple] = []
        client.on("unread_by_filter", lambda f, total: changes.append((f["conv_type"], f["mark"], f["group"], total)))
        client.subscribe_unread(group="close")
        client.subscribe_unread(mark=MarkType.STAR)
        client.subscribe_unread(mark=MarkType.STAR)  # the same filter again changes nothing
        client.add_to_conversation_group("close", ["c2c_bob"])  # close: 2 -> 5
        client.mark_read("bob")                                 # close: 5 -> 2, star: 7 -> 4
        client.unsubscribe_unread(group="close")
        client.clean_unread("group_team")                       # star: 4 -> 0
        client.unsubscribe_unread(group="never subscribed")
        wait_for(lambda: len(changes) == 4)
        # The filter as subscribed: a key left out stays out (None), as the vendor's callback carries it.
        assert changes == [(None, None, "close", 5), (None, None, "close", 2), (None, 1, None, 4), (None, 1, None, 0)]
        lib = client.native.lib
        assert lib.TIMConvSubscribeUnreadMessageCountByFilter(b"[") == -3
        for i in range(31):  # with the star filter: 32, the most at once
            client.subscribe_unread(mark=1 << (32 + i))
        with pytest.raises(InvalidParameterError):
            client.subscribe_unread(conv_type="group")


def test_unread_by_filter_follows_messages_from_another_process(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.login("alice")
        client.create_conversation("bob")
        client.mark_conversations(["c2c_bob"], MarkType.STAR)
        totals: list[int] = []
        client.on("unread_by_filter", lambda f, total: totals.append(total))
        client.subscribe_unread(mark=MarkType.STAR, conv_type="c2c")
        peer = Peer(tmp_path, "bob")
        try:
            for i in range(3):
                peer.command(f"send alice hello {i}", "sent")
                wait_for(lambda i=i: len(totals) > i)
        finally:
            peer.close()
        assert totals == [1, 2, 3]
        assert client.unread_count(mark=MarkType.STAR) == 3


def test_clean_unread_one_kind_all_and_partial(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        base = 1_800_000_000
        client.set_clock(base)
        try:
            receive(client, "alice", "bob", 2)
            client.set_clock(base + 100)
            receive(client, "alice", "bob", 3)
            receive(client, "alice", "carol", 1)
            receive_in_group(client, "alice", "bob", "team", 5)
        finally:
            client.set_clock(None)
        unread = lambda: {c.key: c.unread for c in client.conversation_list()}  # noqa: E731
        assert unread() == {"group_team": 5, "c2c_carol": 1, "c2c_bob": 5}
        client.clean_unread("c2c_bob", timestamp=base + 50)       # the two older ones
        assert unread()["c2c_bob"] == 3
        assert [m for m in client.messages("bob")["is_read"]] == [False, False, False, True, True]
        client.clean_unread("group_team", sequence=3)             # the tip (seq 1), messages 2 and 3
        assert unread()["group_team"] == 3
        client.clean_unread("c2c")
        assert unread() == {"group_team": 3, "c2c_carol": 0, "c2c_bob": 0}
        client.clean_unread("group")
        assert client.total_unread() == 0
        with pytest.raises(InvalidConversationError):
            client.clean_unread("c2c_nobody")
        with pytest.raises(ValueError):
            client.clean_unread("bob")
        receive(client, "alice", "bob", 1)
        updates = []
        client.on("update", lambda event, convs: updates.extend((c.key, c.unread) for c in convs))
        client.clean_unread()
        wait_for(lambda: ("c2c_bob", 0) in updates)
        assert client.native.lib.TIMConvCleanConversationUnreadMessageCount(b"c2c_", 0, 0, native.ffi.NULL,
                                                                           native.ffi.NULL) == -4


# ---- everything against a model, and across a restart ----

@pytest.mark.scale
def test_filters_match_a_model_on_2000_conversations_and_persist(tmp_path: Path) -> None:
    rng = random.Random(7)
    marks = [MarkType.STAR, MarkType.UNREAD, MarkType.FOLD, MarkType.HIDE, 1 << 33]
    groups = ["g0", "g1", "g2", "g3"]
    model: dict[str, dict] = {}
    with Client(tmp_path) as client:
        client.login("me")
        for i in range(2000):
            kind = "group" if rng.random() < 0.3 else "c2c"
            key = f"{kind}_k{i:04d}"
            client.create_conversation(key.split("_", 1)[1], kind)
            model[key] = {"type": kind, "marks": set(), "groups": set(), "unread": 0}
        # unread: deliveries from the peers themselves (c2c) and from a member (groups)
        senders = rng.sample(sorted(k for k in model if k.startswith("c2c_")), 60)
        teams = rng.sample(sorted(k for k in model if k.startswith("group_")), 30)
        for key in senders:
            n = rng.randint(1, 3)
            receive(client, "me", key[4:], n)
            model[key]["unread"] += n
        client.login("member")
        for key in teams:  # member makes the group, with me in it
            client.create_group(key[6:], key[6:], "work", members=["me"])
        for key in teams:
            n = rng.randint(1, 3)
            for _ in range(n):
                client.send_text(key[6:], "hi", "group")
            model[key]["unread"] += n
        client.login("me")
        keys = sorted(model)
        for mark in marks:
            chosen = rng.sample(keys, 300)
            for start in range(0, 300, 100):
                client.mark_conversations(chosen[start:start + 100], mark)
            for key in chosen:
                model[key]["marks"].add(mark)
        for name in groups:
            chosen = rng.sample(keys, 200)
            client.create_conversation_group(name, chosen[:100])
            client.add_to_conversation_group(name, chosen[100:])
            for key in chosen:
                model[key]["groups"].add(name)
        removed = rng.sample(sorted(k for k in keys if "g1" in model[k]["groups"]), 50)
        client.remove_from_conversation_group("g1", removed)
        for key in removed:
            model[key]["groups"].discard("g1")

        def expected(conv_type=None, mark=None, group=None, has_unread=None) -> set:
            """The vendor's filter (TIMConversationManager.h 981-988): None is a key left out (any);
            mark 0 the conversations without marks, group "" those in no group, has_unread False
            those without unread messages."""
            return {k for k, v in model.items()
                    if (conv_type is None or v["type"] == conv_type)
                    and (mark is None or (mark in v["marks"] if mark else not v["marks"]))
                    and (group is None or (group in v["groups"] if group else not v["groups"]))
                    and (has_unread is None or (v["unread"] > 0) == has_unread)}

        def check(c: Client) -> None:
            for _ in range(40):
                f = {"conv_type": rng.choice([None, "c2c", "group"]), "mark": rng.choice([None, 0, *marks]),
                     "group": rng.choice([None, "", *groups]), "has_unread": rng.choice([None, True, False])}
                listed = {k for page in c.iter_conversation_pages(page_size=500, **f) for k in page.index}
                assert listed == expected(**f), f
                unread_filter = {k: f[k] for k in ("conv_type", "mark", "group")}
                assert c.unread_count(**unread_filter) == sum(model[k]["unread"] for k in expected(**unread_filter))
            frame = c.conversations()
            assert len(frame) == 2000 and list(frame.columns) == list(CONVERSATION_DTYPES)
            for key in rng.sample(keys, 100):
                assert set(frame.loc[key, "groups"]) == model[key]["groups"]
            assert c.conversation_group_list() == groups

        check(client)
    with Client(tmp_path) as client:  # a new process's view: everything came back from the files
        client.login("me")
        check(client)
