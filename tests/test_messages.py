"""Messages, local delivery (within one process and between processes), unread counts,
pinning, batch delete and paged, filtered listing, against the real engine."""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, RawEngine
from timconv_nb import Client, InvalidConversationError, MarkType, native
from timconv_nb.frames import MESSAGE_DTYPES

MESSAGE_KEYS = {
    "message_elem_array", "message_conv_id", "message_conv_type", "message_sender", "message_client_time",
    "message_server_time", "message_is_from_self", "message_is_read", "message_status", "message_msg_id",
    "message_seq", "message_rand", "message_unique_id", "message_priority", "message_platform",
    "message_is_peer_read", "message_is_online_msg", "message_custom_str", "message_custom_int",
}


class Peer:
    """A user logged in from a child process (tests/peer_child.py)."""

    def __init__(self, root: Path, user: str) -> None:
        self.process = subprocess.Popen([sys.executable, str(REPO / "tests" / "peer_child.py"), str(root), user],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.lines: queue.Queue[dict] = queue.Queue()
        self.unclaimed: list[dict] = []  # lines read while waiting for another kind
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next(lambda m: "ready" in m, timeout=30)["ready"] == user

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(json.loads(line))

    def next(self, match, timeout: float = 5.0) -> dict:
        """The first line not yet claimed that matches (waiting for it when needed)."""
        for i, line in enumerate(self.unclaimed):
            if match(line):
                return self.unclaimed.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, "the peer process did not report in time"
            line = self.lines.get(timeout=remaining)
            if match(line):
                return line
            self.unclaimed.append(line)

    def command(self, text: str, answer_key: str) -> dict:
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()
        return self.next(lambda m: answer_key in m)

    def close(self) -> None:
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait(10)
        assert self.process.returncode == 0


def test_sent_message_json_and_conversation(client: Client) -> None:
    sent = client.send_text("bob", "hello bob")
    raw = sent.raw
    assert MESSAGE_KEYS <= set(raw)
    assert raw["message_conv_id"] == "bob" and raw["message_conv_type"] == 1 and raw["message_sender"] == "alice"
    assert raw["message_is_from_self"] is True and raw["message_status"] == 2 and raw["message_seq"] == 1
    assert 0 < raw["message_unique_id"] < 2**63 and raw["message_msg_id"]
    conv = client.conversation("bob")
    assert conv.last_message_text == "hello bob" and conv.unread == 0
    assert conv.last_message["message_msg_id"] == raw["message_msg_id"]
    frame = client.conversations()
    assert frame.loc["c2c_bob", "last_msg_text"] == "hello bob"
    assert frame.loc["c2c_bob", "last_msg_sender"] == "alice"
    assert frame.loc["c2c_bob", "last_msg_time"] == pd.Timestamp(raw["message_server_time"], unit="s", tz="UTC")


def test_send_fills_the_message_id_buffer_at_once(alice: RawEngine) -> None:
    buffer = native.ffi.new("char[128]")
    message = json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}]}).encode()
    reply = alice.call("TIMMsgSendMessage", b"bob", 1, message, buffer)
    assert native.ffi.string(buffer).decode() == reply.json["message_msg_id"]
    assert alice.lib.TIMMsgSendMessage(b"bob", 1, b'{"message_elem_array": []}', native.ffi.NULL, native.ffi.NULL,
                                       native.ffi.NULL) == -3  # an empty message is refused


def test_delivery_within_one_process_one_login_after_another(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.login("alice")
        client.send_text("bob", "first")
        client.send_text("bob", "second")
        client.login("bob")
        conv = client.conversation("alice")
        assert conv.unread == 2 and conv.last_message_text == "second" and not conv.last_message["message_is_from_self"]
        assert client.total_unread() == 2
        frame = client.messages("alice")
        assert list(frame.text) == ["second", "first"]  # newest first
        assert list(frame.sender) == ["alice", "alice"] and not frame.is_read.any()
        client.mark_read("alice")
        assert client.conversation("alice").unread == 0 and client.total_unread() == 0
        assert client.messages("alice").is_read.all()


def test_messages_frame_schema_and_paging(client: Client, alice: None = None) -> None:
    for i in range(5):
        client.send_text("bob", f"m{i}")
    frame = client.messages("bob", count=3)
    assert list(frame.columns) == list(MESSAGE_DTYPES)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        c: str(pd.api.types.pandas_dtype(t)) for c, t in MESSAGE_DTYPES.items()}
    assert list(frame.text) == ["m4", "m3", "m2"] and list(frame.seq) == [5, 4, 3]
    assert frame.index.name == "msg_id" and frame.is_from_self.all()
    empty = client.messages("nobody")
    assert empty.empty and (empty.dtypes == frame.dtypes).all()


def test_group_delivery_reaches_only_the_groups_members(tmp_path: Path) -> None:
    """Spec section 9: membership, not having the group conversation, makes messages reach a user."""
    with Client(tmp_path) as client:
        client.login("dave")
        client.create_conversation("team", "group")  # dave has the conversation, not the membership
        client.login("alice")
        client.create_group("Team", "team", "work", members=["bob", "carol"])
        client.send_text("team", "meeting at 5", "group")
        for member in ("bob", "carol"):
            client.login(member)
            team = client.conversation("team", "group")
            assert team.unread == 1 and team.last_message_text == "meeting at 5" and team.show_name == "Team"
            assert team.last_message["message_sender"] == "alice"
        client.login("dave")
        assert client.conversation("team", "group").last_message is None


def test_two_processes_exchange_messages_with_events(tmp_path: Path) -> None:
    bob = Peer(tmp_path, "bob")
    seen: queue.Queue[tuple] = queue.Queue()
    try:
        with Client(tmp_path) as alice:
            alice.login("alice")
            alice.on("message", lambda msgs: seen.put(("message", [m.text for m in msgs])))
            alice.on("update", lambda event, convs: seen.put(("update", {c.key: c.unread for c in convs})))
            alice.on("total_unread", lambda total: seen.put(("total_unread", total)))

            started = time.monotonic()
            alice.send_text("bob", "hi bob")
            got = bob.next(lambda m: m.get("event") == "message")
            assert time.monotonic() - started < 0.5 + 0.4  # within half a second of the send returning
            assert got["texts"] == ["hi bob"] and got["senders"] == ["alice"]
            assert bob.next(lambda m: m.get("event") == "add")["unread"] == {"c2c_alice": 1}
            assert bob.next(lambda m: m.get("event") == "total_unread")["total"] == 1
            state = bob.command("state", "state")
            assert state["state"] == {"c2c_alice": 1} and state["total"] == 1

            bob.command("send alice hi alice", "sent")
            deadline = time.monotonic() + 2
            observed = []
            while len({kind for kind, _ in observed}) < 3 and time.monotonic() < deadline:
                observed.append(seen.get(timeout=max(0.01, deadline - time.monotonic())))
            assert ("message", ["hi alice"]) in observed
            assert ("update", {"c2c_bob": 1}) in observed
            assert ("total_unread", 1) in observed
            assert alice.conversation("bob").unread == 1 and alice.total_unread() == 1

            bob.command("mark_read alice", "marked")
            assert bob.next(lambda m: m.get("event") == "total_unread")["total"] == 0
            assert bob.command("state", "state") == {"state": {"c2c_alice": 0}, "total": 0}
            alice.mark_read("bob")
            assert alice.total_unread() == 0
            while seen.get(timeout=2) != ("total_unread", 0):
                pass  # the update events that came before it
    finally:
        bob.close()


def test_the_inbox_lets_go_of_deliveries_once_announced(tmp_path: Path) -> None:
    """Another process's deliveries wait in the recipient's inbox until the recipient's process
    announces them; then only the newest row stays (ids keep rising past it), so a long session
    does not keep every message twice. Later deliveries are still announced."""
    bob = Peer(tmp_path, "bob")
    try:
        with Client(tmp_path) as alice:
            alice.login("alice")
            (store,) = tmp_path.glob(f"timconv/*/{b'bob'.hex()}/store.db")  # the folder is the id in hex

            def inbox_rows() -> int:
                with contextlib.closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as db:
                    return db.execute("SELECT count(*) FROM inbox").fetchone()[0]

            for round_ in range(2):
                for i in range(20):
                    alice.send_text("bob", f"m{round_}-{i}")
                texts: list = []
                while f"m{round_}-19" not in texts:
                    texts += bob.next(lambda m: m.get("event") == "message", timeout=10)["texts"]
                assert texts == [f"m{round_}-{i}" for i in range(20)]  # each announced once, in order
                deadline = time.monotonic() + 5
                while inbox_rows() > 1 and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert inbox_rows() == 1
            assert bob.command("state", "state")["state"] == {"c2c_alice": 40}  # the messages stay stored
    finally:
        bob.close()


def test_a_send_nobody_watches_reads_no_event_and_a_watched_one_does(client: Client) -> None:
    """Without a conversation-event handler the engine does not read the ConvInfo of a send's
    event (nobody would get it); a handler added later gets the next send's event, the
    conversation as that send left it."""
    client.send_text("bob", "one")
    seen: list = []
    client.on("update", lambda event, convs: seen.append([(c.key, c.last_message_text) for c in convs]))
    client.on("add", lambda event, convs: seen.append([("add", c.key) for c in convs]))
    client.send_text("bob", "two")
    client.send_text("carol", "three")
    assert seen == [[("c2c_bob", "two")], [("add", "c2c_carol")]]
    assert [c.conv_id for c in client.conversation_list()] == ["carol", "bob"]


def test_pinned_conversations_list_first(client: Client) -> None:
    for name in ["a", "b", "c"]:
        client.create_conversation(name)
    client.pin("a")
    assert [c.conv_id for c in client.conversation_list()] == ["a", "c", "b"]
    assert client.conversation("a").pinned and client.conversations().loc["c2c_a", "pinned"]
    client.pin("a", pinned=False)
    assert [c.conv_id for c in client.conversation_list()] == ["c", "b", "a"]
    with pytest.raises(InvalidConversationError):
        client.pin("zed")


@pytest.mark.scale
def test_paging_10000_conversations_each_once_in_order(client: Client) -> None:
    for i in range(10_000):
        client.create_conversation(f"p{i:05d}", "group" if i % 7 == 0 else "c2c")
    client.pin("p00043")
    expected = [c.key for c in client.conversation_list()]
    pages = list(client.iter_conversation_pages(page_size=333))
    assert [len(p) for p in pages[:-1]] == [333] * (len(pages) - 1)
    assert [key for page in pages for key in page.index] == expected
    groups = [key for page in client.iter_conversation_pages(page_size=500, conv_type="group") for key in page.index]
    assert groups == [key for key in expected if key.startswith("group_")]


def test_filters(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.login("bob")
        client.send_text("alice", "unread for alice")
        client.login("alice")
        client.create_conversation("carol")
        client.create_conversation("team", "group")
        keys = lambda **f: [k for page in client.iter_conversation_pages(**f) for k in page.index]  # noqa: E731
        assert keys() == ["group_team", "c2c_carol", "c2c_bob"]
        assert keys(conv_type="c2c") == ["c2c_carol", "c2c_bob"]
        assert keys(conv_type="group") == ["group_team"]
        assert keys(has_unread=True) == ["c2c_bob"]
        assert keys(has_unread=True, conv_type="group") == []
        # Nothing is marked or grouped yet: those filters keep nothing.
        assert keys(mark=MarkType.STAR) == [] and keys(group="friends") == []
        marked = client.mark_conversations(["c2c_carol", "group_team", "c2c_nobody"], MarkType.STAR)
        assert marked["c2c_carol"] is None and marked["group_team"] is None and marked["c2c_nobody"].code == 6004
        client.mark_conversations(["c2c_bob"], 1 << 40)  # a custom mark bit
        assert keys(mark=MarkType.STAR) == ["group_team", "c2c_carol"]
        assert keys(mark=MarkType.STAR, conv_type="c2c") == ["c2c_carol"]
        assert keys(mark=1 << 40, has_unread=True) == ["c2c_bob"]
        client.mark_conversations(["group_team"], MarkType.STAR, enable=False)
        assert keys(mark=MarkType.STAR) == ["c2c_carol"]
        assert client.conversation("carol").raw["conv_mark_array"] == [1]
        results = client.create_conversation_group("friends", ["c2c_bob", "c2c_carol", "bogus"])
        assert results["c2c_bob"] is None and results["c2c_carol"] is None and results["bogus"].code == 6017
        assert keys(group="friends") == ["c2c_carol", "c2c_bob"]
        assert keys(group="friends", has_unread=True) == ["c2c_bob"]
        client.add_to_conversation_group("friends", ["group_team"])
        assert keys(group="friends", conv_type="group", mark=0) == ["group_team"]
        assert client.conversation("team", "group").raw["conv_conversation_group_array"] == ["friends"]
        frame, next_seq, finished = client.conversation_page(0, 2)
        assert list(frame.index) == ["group_team", "c2c_carol"] and not finished and next_seq != 0
        frame, _, finished = client.conversation_page(next_seq, 2)
        assert list(frame.index) == ["c2c_bob"] and finished


def test_filter_input_checks(alice: RawEngine) -> None:
    call = lambda f, seq=0, count=10: alice.lib.TIMConvGetConversationListByFilter(f, seq, count, native.ffi.NULL, native.ffi.NULL)  # noqa: E501,E731
    assert call(native.ffi.NULL) == 0 and call(b"") == 0 and call(b"{}") == 0
    assert call(b"{}", 0, 0) == -4
    assert call(b"[") == -3 and call(b"[]") == -3
    assert call(b'{"conversation_list_filter_conv_type": 3}') == -3
    assert call(b'{"conversation_list_filter_has_unread_count": 1}') == -3
    assert call(b'{"conversation_list_filter_mark_type": -1}') == -3
    assert call(b'{"conversation_list_filter_conversation_group": 5}') == -3
    reply = alice.call("TIMConvGetConversationListByFilter", b'{"conversation_list_filter_has_group_at_info": true}',
                       0, 10)
    assert reply.json == {"conversation_list_result_conv_list": [], "conversation_list_result_next_seq": 0,
                          "conversation_list_result_is_finished": True}


def test_batch_delete_100_mixed_and_101_refused(client: Client) -> None:
    for i in range(50):
        client.create_conversation(f"c{i}")
    for i in range(30):
        client.create_conversation(f"g{i}", "group")
    keys = [f"c2c_c{i}" for i in range(50)] + [f"group_g{i}" for i in range(30)]
    keys += [f"c2c_ghost{i}" for i in range(10)] + [f"nonsense{i}" for i in range(9)] + ["group_"]
    deleted_events = []
    client.on("del", lambda event, convs: deleted_events.append([c.key for c in convs]))
    results = client.delete_conversations(keys)
    assert list(results) == keys
    assert all(results[k] is None for k in keys[:80])
    assert all(results[k].code == 6004 and isinstance(results[k], LookupError) for k in keys[80:90])
    assert all(results[k].code == 6017 for k in keys[90:])
    assert deleted_events == [keys[:80]]
    assert client.conversation_list() == []
    with pytest.raises(ValueError, match="at most 100"):
        client.delete_conversations([f"c2c_x{i}" for i in range(101)])
    raw = json.dumps([f"c2c_x{i}" for i in range(101)]).encode()
    assert client.native.lib.TIMConvDeleteConversationList(raw, True, native.ffi.NULL, native.ffi.NULL) == -4
    null = native.ffi.NULL
    assert client.native.lib.TIMConvDeleteConversationList(b'["c2c_a", 5]', True, null, null) == -3


def test_delete_is_final_across_relogin_and_restart(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.login("bob")
        client.send_text("alice", "hello")
        client.login("alice")
        client.send_text("bob", "hi")
        client.delete_conversation("bob")
        client.delete_conversations(["c2c_carol"])
        client.logout()
        client.login("alice")
        assert client.conversation_list() == []
    with Client(tmp_path) as client:
        client.login("alice")
        assert client.conversation_list() == [] and client.total_unread() == 0
        assert client.messages("bob").empty  # its messages went with it


def test_mark_all_read_and_total_unread_events(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        for sender in ("bob", "carol"):
            client.login(sender)
            client.send_text("alice", f"from {sender}")
            client.send_text("alice", f"again from {sender}")
        client.login("alice")
        totals = []
        client.on("total_unread", totals.append)
        assert client.total_unread() == 4
        client.mark_read("bob")
        client.mark_all_read()
        assert totals == [2, 0]
        assert client.total_unread() == 0 and all(c.unread == 0 for c in client.conversation_list())


def test_set_clock_fixes_the_engine_time(client: Client) -> None:
    when = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    client.set_clock(when)
    try:
        assert client.create_conversation("bob").active_time == when
        assert client.send_text("bob", "x").server_time == when
        assert client.native.lib.TIMGetServerTime() == int(when.timestamp())
    finally:
        client.set_clock(None)
    assert abs(client.native.lib.TIMGetServerTime() - time.time()) < 5


def test_mark_and_group_limits(client: Client) -> None:
    client.create_conversation("bob")
    with pytest.raises(ValueError, match="at most 100"):
        client.mark_conversations([f"c2c_x{i}" for i in range(101)], MarkType.STAR)
    raw = json.dumps([f"c2c_x{i}" for i in range(101)]).encode()
    reply = {}
    done = threading.Event()
    assert client.native.call("TIMConvMarkConversation", raw, 1, True,
                              on_done=lambda code, desc, js: (reply.update(code=code), done.set())) == 0
    assert done.wait(5) and reply["code"] == 51006
    with pytest.raises(ValueError, match="32 bytes"):
        client.create_conversation_group("x" * 33, ["c2c_bob"])
    for i in range(20):
        client.create_conversation_group(f"g{i}", ["c2c_bob"])
    with pytest.raises(ValueError, match="20 conversation groups"):
        client.create_conversation_group("one-too-many", ["c2c_bob"])
    with pytest.raises(LookupError, match="no conversation group"):
        client.add_to_conversation_group("nope", ["c2c_bob"])
    with pytest.raises(ValueError, match="exists"):
        client.create_conversation_group("g0", ["c2c_bob"])
    assert len(client.conversation("bob").raw["conv_conversation_group_array"]) == 20
    assert client.native.lib.TIMConvMarkConversation(b'["c2c_bob"]', 0, True, native.ffi.NULL, native.ffi.NULL) == -4
    assert client.native.lib.TIMConvCreateConversationGroup(b"", b'["c2c_bob"]', native.ffi.NULL, native.ffi.NULL) == -4
    assert client.native.lib.TIMConvCreateConversationGroup(b"g", b"[]", native.ffi.NULL, native.ffi.NULL) == -4


def test_a_draft_after_a_queued_batch_delete_is_refused(client: Client) -> None:
    client.create_conversation("bob")
    client.create_conversation("carol")
    client.faults.delay(0.3, "TIMConvGetConvList")  # holds the engine's thread busy
    busy, deleted = concurrent.futures.Future(), concurrent.futures.Future()
    assert client.native.call("TIMConvGetConvList", on_done=lambda *reply: busy.set_result(reply)) == 0
    assert client.native.call("TIMConvDeleteConversationList", b'["c2c_bob", "group_bob"]', True,
                              on_done=lambda *reply: deleted.set_result(reply)) == 0
    with pytest.raises(InvalidConversationError) as info:
        client.set_draft("bob", "too late")  # bob's delete is queued before it
    assert info.value.code == -5
    client.set_draft("carol", "fine")  # not in the list
    busy.result(5)
    assert json.loads(deleted.result(5)[2])[0]["conversation_operation_result_result_code"] == 0
    client.faults.clear()
    assert [c.key for c in client.conversation_list()] == ["c2c_carol"]
    assert client.conversation("carol").draft.text == "fine"


def test_a_new_session_starts_on_the_real_clock(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.set_clock(1_700_000_000)
        assert client.native.lib.TIMGetServerTime() == 1_700_000_000
    with Client(tmp_path) as client:  # TIMUninit ended the fixed clock with the session
        assert abs(client.native.lib.TIMGetServerTime() - time.time()) < 5


def test_queued_sends_share_transactions_and_are_all_delivered_in_order(tmp_path: Path) -> None:
    """Sends queued behind each other share the sender's transaction and are delivered after it
    commits (consecutive ones to one peer share the peer's): every one is acknowledged, stored on
    both sides in the order sent, the group's seqs distinct and in order in every member's store."""
    text = lambda i: json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": f"m{i}"}]}).encode()  # noqa: E731
    with Client(tmp_path) as client:
        client.login("alice")
        client.create_group("Team", "team", "work", members=["bob", "carol"])
        answers: list[tuple] = []
        done = threading.Event()
        total = 600

        def answered(i: int):
            def on_done(code: int, desc: str, payload: str) -> None:
                answers.append((i, code))
                if len(answers) == total:
                    done.set()
            return on_done

        for i in range(total):  # bob, bob, bob, the group, bob, ... : runs to one peer, and fan-out
            conv, kind = (b"team", 2) if i % 4 == 3 else (b"bob", 1)
            assert client.native.call("TIMMsgSendMessage", conv, kind, text(i), None, on_done=answered(i)) == 0
        assert done.wait(60)
        assert sorted(answers) == [(i, 0) for i in range(total)]
        sent_to_bob = [f"m{i}" for i in range(total) if i % 4 != 3]
        sent_to_team = [f"m{i}" for i in range(total) if i % 4 == 3]
        assert list(client.messages("bob", count=total).text[::-1]) == sent_to_bob
        mine = client.messages("team", "group", count=total)
        assert list(mine.text[::-1])[-len(sent_to_team):] == sent_to_team
        for user in ("bob", "carol"):
            client.login(user)
            if user == "bob":
                c2c = client.messages("alice", count=total)
                assert list(c2c.text[::-1]) == sent_to_bob and client.conversation("alice").unread == len(sent_to_bob)
            theirs = client.messages("team", "group", count=total)
            assert list(theirs.text[::-1])[-len(sent_to_team):] == sent_to_team
            assert list(theirs.seq[::-1]) == list(mine.seq[::-1])  # the same seqs, in order, in every store
            assert theirs.seq.is_unique


def sql_elsewhere(database: Path, sql: str) -> list:
    """Runs ``sql`` on a database the engine has open, from another process, and gives its rows.
    Not from this one: a second copy of SQLite in the engine's process (Python's sqlite3) closing
    the file drops the engine's POSIX locks on it, and may then checkpoint and delete the WAL the
    engine goes on writing to (sqlite.org/howtocorrupt.html, 2.2)."""
    script = ("import json, sqlite3, sys\n"
              "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "print(json.dumps(db.execute(sys.argv[2]).fetchall()))\n"
              "db.close()\n")
    done = subprocess.run([sys.executable, "-c", script, str(database), sql], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return [tuple(row) for row in json.loads(done.stdout)]


def queue_behind_a_busy_call(client: Client, sends: list[tuple]) -> list[tuple]:
    """(code, desc) of each raw send (conv id, type, text), queued behind a call that holds the
    engine's thread, so that they run as one batch."""
    client.faults.delay(0.3, "TIMConvGetConvList")
    busy = concurrent.futures.Future()
    assert client.native.call("TIMConvGetConvList", on_done=lambda *reply: busy.set_result(reply)) == 0
    replies = [concurrent.futures.Future() for _ in sends]
    for (conv, kind, body), reply in zip(sends, replies):
        message = json.dumps({"message_elem_array": [{"elem_type": 0, "text_elem_content": body}]}).encode()
        assert client.native.call("TIMMsgSendMessage", conv, kind, message, None,
                                  on_done=lambda *answer, reply=reply: reply.set_result(answer)) == 0
    busy.result(5)
    client.faults.clear()
    return [reply.result(5)[:2] for reply in replies]


def test_a_queued_send_that_fails_after_writing_loses_its_batch_one_failing_before_fails_alone(
        tmp_path: Path) -> None:
    """Queued sends share the sender's transaction without a savepoint each (store.c, begin_lean):
    a send refused before it changes anything, or failing in its first change (which SQLite
    undoes itself: here a group seq already taken in the sender's store, which only a registry
    out of step with the store can give), fails alone; one that fails after changing rows (here
    a trigger the test adds to the store refuses the conversation row, after the message row was
    written) cannot be undone alone, so its whole batch fails with its code, as when a commit
    fails: nothing of that batch is stored or delivered, and the next send works."""
    with Client(tmp_path) as client:
        client.login("alice")
        client.create_group("Team", "team", "work")
        client.send_text("team", "first", "group")  # seq 1 in alice's store

        refused = queue_behind_a_busy_call(client, [(b"bob", 1, "a"), (b"nosuch", 2, "x"), (b"carol", 1, "b")])
        assert [code for code, _ in refused] == [0, 10010, 0]  # ERR_SVR_GROUP_INVALID_GROUP: no such group

        sql_elsewhere(tmp_path / "timconv" / str(client.app_id) / "groups.db",
                      "UPDATE im_group SET next_seq = 1 WHERE group_id = 'team'")
        collided = queue_behind_a_busy_call(client, [(b"bob", 1, "c"), (b"team", 2, "collides"), (b"carol", 1, "d")])
        assert [code for code, _ in collided] == [0, 6022, 0] and "UNIQUE constraint failed" in collided[1][1]

        store = tmp_path / "timconv" / str(client.app_id) / b"alice".hex() / "store.db"
        sql_elsewhere(store, "CREATE TRIGGER refuse_victim BEFORE INSERT ON conversation WHEN NEW.conv_id = 'victim'"
                             " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        lost = queue_behind_a_busy_call(client, [(b"bob", 1, "e"), (b"victim", 1, "v"), (b"carol", 1, "f")])
        assert [code for code, _ in lost] == [6022, 6022, 6022]  # ERR_IO_OPERATION_FAILED, the batch's
        assert "refused by the test" in lost[1][1]

        assert list(client.messages("bob").text[::-1]) == ["a", "c"]
        assert list(client.messages("carol").text[::-1]) == ["b", "d"]
        assert list(client.messages("team", "group").text) == ["first"]
        assert "c2c_victim" not in {c.key for c in client.conversation_list()}
        assert client.send_text("bob", "g").text == "g"  # the next batch is a new one
        client.login("bob")
        assert list(client.messages("alice").text[::-1]) == ["a", "c", "g"]  # "e" was never delivered


def test_queued_group_sends_take_their_seqs_in_one_registry_transaction_each_change_undone_alone(
        tmp_path: Path) -> None:
    """The seqs a batch of queued group sends takes share one registry transaction, each send's a
    savepoint in it, committed before the sender's store (store/registry.h, registry_batch_begin):
    a send the registry refuses (not a member), or whose seq update fails (a trigger the test adds
    to the registry), is undone alone; the seqs taken before it in the batch stay taken, stored
    and delivered, and the next send takes the next one. A group message's seq (TIMMessageManager.h
    2340-2341: "uint64, 只读, 消息序列", read-only, the message's sequence) is the group's: the same
    in every member's store, with no gap where a send failed."""
    with Client(tmp_path) as client:
        client.login("bob")
        client.create_group("Other", "other", "work")  # alice is no member of it
        client.login("alice")
        client.create_group("Team", "team", "work", members=["bob"])  # seq 1: the tip of bob's joining
        client.send_text("team", "first", "group")  # seq 2
        refused = queue_behind_a_busy_call(client, [(b"team", 2, "a"), (b"other", 2, "x"), (b"team", 2, "b")])
        assert [code for code, _ in refused] == [0, 10007, 0]  # ERR_SVR_GROUP_PERMISSION_DENY
        registry = tmp_path / "timconv" / str(client.app_id) / "groups.db"
        sql_elsewhere(registry, "CREATE TRIGGER refuse_seq_6 BEFORE UPDATE OF next_seq ON im_group"
                                " WHEN OLD.next_seq = 6 BEGIN SELECT RAISE(ABORT, 'seq refused by the test'); END")
        failed = queue_behind_a_busy_call(client, [(b"team", 2, "c"), (b"team", 2, "d")])
        assert failed[0][0] == 0 and failed[1][0] == 6022 and "seq refused by the test" in failed[1][1], failed
        assert sql_elsewhere(registry, "SELECT next_seq FROM im_group WHERE group_id = 'team'") == [(6,)]
        sql_elsewhere(registry, "DROP TRIGGER refuse_seq_6")
        client.send_text("team", "e", "group")
        expected = (["[alice added bob]", "first", "a", "b", "c", "e"], [1, 2, 3, 4, 5, 6])
        mine = client.messages("team", "group")
        assert (list(mine.text[::-1]), list(mine.seq[::-1])) == expected
        client.login("bob")
        theirs = client.messages("team", "group")
        assert (list(theirs.text[::-1]), list(theirs.seq[::-1])) == expected


def test_the_sdk_sets_its_own_members_of_each_copy_whatever_the_caller_gives(tmp_path: Path) -> None:
    """Each copy of a sent message (the sender's, the recipient's) gets the members the SDK owns
    (TIMMessageManager.h 2294-2341: conversation, sender, server time, status, ids, seq; the
    read-only ones, 只读, are never the caller's) from the engine, whatever the caller put there;
    what the caller may set (读写(选填): client time, priority, platform) is kept, and what it left out gets
    its default (the client time: the send time). The custom fields stay with the sender's copy:
    "本地保存，不会发送到对端" (kept locally, never sent to the peer, 2342-2345)."""
    given = {"message_elem_array": [{"elem_type": 0, "text_elem_content": "hi"}],
             "message_sender": "mallory", "message_conv_id": "elsewhere", "message_conv_type": 2,
             "message_seq": 99, "message_status": 6, "message_is_from_self": False, "message_is_read": False,
             "message_msg_id": "forged", "message_unique_id": 5, "message_rand": 7, "message_server_time": 1,
             "message_is_peer_read": True, "message_client_time": 1234, "message_priority": 3,
             "message_platform": 2, "message_custom_str": "note", "message_custom_int": 7}
    with Client(tmp_path) as client:
        client.login("alice")
        plain = client.send_message("bob", {"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}]}).raw
        sent = client.send_message("bob", given).raw
        client.login("bob")
        theirs = client.conversation("alice").last_message
    for copy, conv_id, from_self, custom in ((sent, "bob", True, ("note", 7)), (theirs, "alice", False, ("", 0))):
        assert copy["message_sender"] == "alice" and copy["message_conv_id"] == conv_id
        assert copy["message_conv_type"] == 1 and copy["message_status"] == 2 and copy["message_seq"] == 2
        assert copy["message_is_from_self"] is from_self and copy["message_is_read"] is from_self
        assert copy["message_msg_id"] == sent["message_msg_id"] != "forged"
        assert copy["message_unique_id"] == sent["message_unique_id"] != 5
        assert copy["message_server_time"] > 1 and copy["message_is_peer_read"] is False
        assert (copy["message_client_time"], copy["message_priority"], copy["message_platform"]) == (1234, 3, 2)
        assert (copy["message_custom_str"], copy["message_custom_int"]) == custom
        assert copy["message_elem_array"] == given["message_elem_array"]
        assert copy["message_is_online_msg"] is False
    assert plain["message_client_time"] == plain["message_server_time"]
    assert (plain["message_priority"], plain["message_platform"], plain["message_custom_str"],
            plain["message_custom_int"]) == (1, 0, "", 0)


def test_a_message_naming_a_member_twice_is_refused(alice: RawEngine) -> None:
    """A Message naming a member twice is refused (TIM_ERR_JSON) before anything is queued: SQLite
    reads the first of two names and most JSON parsers the last, so the engine and a reader of
    the stored copy would disagree on, say, its sender."""
    text = b'{"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}], "message_sender": "a", ' \
           b'"message_sender": "b"}'
    assert alice.lib.TIMMsgSendMessage(b"bob", 1, text, native.ffi.NULL, native.ffi.NULL, native.ffi.NULL) == -3
    once = text.replace(b', "message_sender": "b"', b"")
    assert alice.call("TIMMsgSendMessage", b"bob", 1, once, None).code == 0
