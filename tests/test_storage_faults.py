"""Storage faults give clear errors, say what to do, and never touch what is stored: a damaged
file, a blocked data folder, a full disk (a 1 MiB tmpfs the test mounts) and a read-only one."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from timconv_nb import Client, MarkType, StorageError


@contextlib.contextmanager
def small_filesystem(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at path (root and a container that allows mounts, as in CI)."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}): needs root with mount rights, as in CI")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def remount(path: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True)


def integrity(root: Path) -> str:
    (store,) = root.glob("timconv/*/*/store.db")
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_a_full_disk_fails_cleanly_and_recovers(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk", "1m") as disk, Client(disk) as client:
        client.login("alice")
        created = []
        with pytest.raises(StorageError) as info:
            for n in range(100_000):
                client.create_conversation(f"peer{n:05d}-" + "x" * 100)
                created.append(n)
        assert info.value.code == 6022 and "full" in info.value.desc and "free some space" in info.value.desc
        assert len(created) > 10
        remount(disk, "size=64m")  # space again: the same client goes on
        client.create_conversation("after")
        listed = {c.conv_id for c in client.conversation_list()}
        assert {f"peer{n:05d}-" + "x" * 100 for n in created} | {"after"} == listed  # nothing lost, nothing half
        client.logout()
        assert integrity(disk) == "ok"


def test_a_read_only_data_folder_is_reported_and_untouched(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk", "16m") as disk:
        with Client(disk) as client:
            client.login("alice")
            client.create_conversation("bob")
        files = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in disk.rglob("*") if p.is_file()}
        remount(disk, "ro")
        try:
            with Client(disk) as client:
                with pytest.raises(StorageError) as info:
                    client.login("alice")
                assert info.value.code == 6022 and "cannot be written" in info.value.desc
                assert "sdk_config_config_file_path" in info.value.desc
                with pytest.raises(StorageError, match="cannot be written"):
                    client.login("carol")  # a new user's folder cannot be made either
        finally:
            remount(disk, "rw")
        assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in disk.rglob("*") if p.is_file()} == files


def test_a_damaged_store_is_reported_and_left_as_it_is(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.login("alice")
        client.create_conversation("bob")
    (store,) = tmp_path.glob("timconv/*/*/store.db")
    for extra in store.parent.glob("store.db-*"):
        extra.unlink()
    store.write_bytes(b"this is not an SQLite database, it was damaged" * 100)
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    with Client(tmp_path) as client:
        with pytest.raises(StorageError) as info:
            client.login("alice")
        assert info.value.code == 6022 and isinstance(info.value, OSError)
        assert "damaged" in info.value.desc and "move it away" in info.value.desc
        assert client.user_id is None
        client.login("carol")  # other users are unaffected
        assert client.user_id == "carol"
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before


def test_a_data_root_that_is_a_file_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "root"
    blocker.mkdir()
    with Client(blocker) as client:
        (blocker / "timconv").write_text("a file where the engine's folder should be")
        with pytest.raises(StorageError, match="cannot create the data folder"):
            client.login("alice")


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_an_older_store_is_brought_up_to_date_and_a_newer_one_refused(tmp_path: Path, version: int) -> None:
    with Client(tmp_path) as client:
        client.login("alice")
        client.create_conversation("bob")
        client.create_conversation("carol")
        client.send_text("dave", "before")
        client.send_text("dave", "the upgrade")
    (store,) = tmp_path.glob(f"timconv/*/{b'alice'.hex()}/store.db")
    with sqlite3.connect(store) as db:  # as an earlier release left it
        # Before version 6 the history had no columns of its own, nor their indexes, nor a search index.
        for sql in ("DROP TRIGGER message_search_insert", "DROP TRIGGER message_search_delete",
                    "DROP TRIGGER message_search_update", "DROP TABLE message_fts", "DROP TABLE message_search",
                    "DROP INDEX message_by_time", "DROP INDEX message_by_id", "ALTER TABLE message DROP COLUMN time",
                    "ALTER TABLE message DROP COLUMN msg_id"):
            db.execute(sql)
        if version == 1:
            db.execute("DROP INDEX conversation_unread")
        # Every earlier release had an older definition of the view; those before version 4 kept no
        # group type and one kind of inbox row.
        db.execute("DROP VIEW conv_info")
        if version < 4:
            db.execute("ALTER TABLE conversation DROP COLUMN group_type")
            db.execute("ALTER TABLE inbox DROP COLUMN kind")
        if version < 3:  # nor read positions, @ information or receive options; several marks made one element
            db.execute("ALTER TABLE conversation DROP COLUMN read_timestamp")
            db.execute("ALTER TABLE conversation DROP COLUMN read_sequence")
            db.execute("ALTER TABLE conversation DROP COLUMN at_info")
            db.execute("DROP TABLE receive_option")
            db.execute("UPDATE conversation SET mark_array = '[6, 1]' WHERE conv_id = 'bob'")
        else:
            db.execute("UPDATE conversation SET mark_array = '[1, 2, 4]' WHERE conv_id = 'bob'")
        db.execute("CREATE VIEW conv_info AS SELECT conv_type, conv_id FROM conversation")
        if version < 5:  # no summaries
            db.execute("ALTER TABLE conversation DROP COLUMN last_summary")
            db.execute("UPDATE conversation SET last_msg = ? WHERE conv_id = 'carol'", (json.dumps(
                {"message_elem_array": [{"elem_type": 0, "text_elem_content": "kept"}], "message_sender": "carol",
                 "message_server_time": 1700000000, "message_status": 2}),))
        db.execute(f"PRAGMA user_version = {version}")
    with Client(tmp_path) as client:
        client.login("alice")
        assert [c.conv_id for c in client.conversation_list()] == ["dave", "carol", "bob"]
        assert client.conversation("bob").raw["conv_mark_array"] == [1, 2, 4]  # one mark per element
        assert [k for page in client.iter_conversation_pages(mark=MarkType.FOLD) for k in page.index] == ["c2c_bob"]
        assert client.conversation("bob").read_time is None  # read positions start unset
        client.set_c2c_receive_option(["carol"], 1)  # and receive options can be kept
        client.create_group("Team", "team", "work")  # a group conversation keeps its group type
        assert client.conversation("team", "group").raw["conv_group_type"] == 1
        # The list as columns (last messages' summaries, kept since version 5, made for the
        # messages stored before) is the list.
        pd.testing.assert_frame_equal(client.conversations(), client.conversations(keep_json=True))
        if version < 5:
            assert client.conversations().loc["c2c_carol", "last_msg_text"] == "kept"
        # The history, indexed since version 6, pages from any message (the messages stored before too).
        assert list(client.messages("dave").text) == ["the upgrade", "before"]
        assert list(client.messages("dave", start=client.messages("dave", count=1).iloc[0]).text) == ["before"]
        assert list(client.search_messages(["upgrade"]).text) == ["the upgrade"]  # indexed on the way
    with sqlite3.connect(store) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (6,)
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'conversation_unread'").fetchone()
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name IN ('message_by_time', 'message_by_id')"
                          ).fetchone() == (2,)
        db.execute("PRAGMA user_version = 7")
    with Client(tmp_path) as client:
        with pytest.raises(StorageError, match="unknown schema version"):
            client.login("alice")


def test_a_full_disk_under_queued_writes_loses_whole_batches_only(tmp_path: Path, caplog) -> None:
    """Queued writes share transactions: when the disk fills, a lost batch answers every call in
    it with the failure, and exactly the calls answered with success are stored."""
    caplog.set_level(logging.ERROR, logger="timconv_nb.engine")
    with small_filesystem(tmp_path / "disk", "1m") as disk, Client(disk) as client:
        client.login("alice")
        codes: dict[str, int] = {}
        done = threading.Event()
        total = 3000

        def answer(key: str):
            def on_done(code: int, desc: str, payload: str) -> None:
                codes[key] = code
                if len(codes) == total:
                    done.set()
            return on_done

        for n in range(total):
            key = f"peer{n:05d}-" + "y" * 100
            assert client.native.call("TIMConvCreate", key.encode(), 1, on_done=answer(key)) == 0
        assert done.wait(60)
        assert set(codes.values()) == {0, 6022}  # some fit, then the disk was full
        lost = [r.message for r in caplog.records if "a batch of" in r.message and "was lost" in r.message]
        assert lost and "the disk is full" in lost[0]  # whole batches failed at their COMMIT
        remount(disk, "size=64m")
        stored = {c.conv_id for c in client.conversation_list()}
        assert stored == {key for key, code in codes.items() if code == 0}
        client.logout()
        assert integrity(disk) == "ok"


def test_a_store_whose_statements_cannot_compile_fails_its_calls_not_the_process(tmp_path: Path) -> None:
    """A damaged schema (here a view without the columns the engine reads) makes statements fail to
    compile: each call then answers with the store's error, and the process lives on."""
    with Client(tmp_path) as client:
        client.login("alice")
        client.create_conversation("bob")
    (store,) = tmp_path.glob("timconv/*/*/store.db")
    with sqlite3.connect(store) as db:
        db.execute("DROP VIEW conv_info")
        db.execute("CREATE VIEW conv_info AS SELECT conv_type, conv_id FROM conversation")
    with Client(tmp_path) as client:
        client.login("alice")
        for call in (lambda: client.conversations(keep_json=True), lambda: client.conversation_page(0, 10),
                     lambda: client.conversation("bob")):
            with pytest.raises(StorageError, match="no such column"):
                call()
        # What reads the table, not the view, still works: the unread counts, the list's columns.
        assert client.unread_count(group="") == 0 and list(client.conversations().index) == ["c2c_bob"]
        assert client.total_unread() == 0
