"""Storage faults give clear errors and never touch what is stored (a start on issue 7)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from timconv_nb import Client, StorageError


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
