"""Security (issue #7): ids never reach outside the data folder, data files are private, SQL only
ever sees bound parameters, and every HTML output is escaped."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from timconv_nb import Client, MarkType
from timconv_nb.widgets import CallInspector

HOSTILE_IDS = ["../../outside", "/etc/passwd", "..", ".", "a/b/../../c", "..\\..\\win", "~", "$HOME",
               "name\nwith newline", "ünïcödé/../x"]
INJECTIONS = ["x'); DROP TABLE conversation; --", "' OR 1=1 --", "\"; ATTACH DATABASE '/tmp/timconv-evil.db' AS e; --",
              "'||(SELECT group_concat(name) FROM sqlite_master)||'", "%s%n%x", "\\u0000"]
XSS = "<script>alert(1)</script>"


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


def test_ids_never_name_a_place_outside_the_data_folder(tmp_path: Path) -> None:
    root = tmp_path / "inside" / "data"
    outside_before = files_under(tmp_path)
    with Client(root) as client:
        for user in HOSTILE_IDS:
            client.login(user)
            for peer in HOSTILE_IDS:
                client.send_text(peer, "hi")  # creates each peer's store: ids as folder names
            client.create_conversation(user, "group")
    created = files_under(tmp_path) - outside_before
    # only the data folder itself (with its parent) and what is inside it
    assert created and all(path.is_relative_to(root) or root.is_relative_to(path) for path in created)
    store_folders = {path.parent.name for path in root.glob("timconv/*/*/store.db")}
    assert store_folders == {user.encode().hex() for user in set(HOSTILE_IDS)}  # only hex names
    assert not Path("/tmp/timconv-evil.db").exists()


def test_files_are_0600_and_folders_0700(tmp_path: Path) -> None:
    with Client(tmp_path / "data") as client:
        client.login("alice")
        client.send_text("bob", "hi")  # bob's store, made by a delivery
        client.set_draft("bob", "d")
    for path in (tmp_path / "data" / "timconv").rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_are_only_ever_data(tmp_path: Path, text: str) -> None:
    with Client(tmp_path) as client:
        client.login(text)
        client.create_conversation(text)
        client.create_conversation(text, "group")
        client.set_draft(text, text, user_define=text)
        client.send_text(text, text)
        client.set_custom_data([f"c2c_{text}"], text[:256])
        client.mark_conversations([f"c2c_{text}"], MarkType.STAR)
        name = text.encode()[:32].decode("utf-8", "ignore")
        client.create_conversation_group(name, [f"c2c_{text}", f"group_{text}"])
        conv = client.conversation(text)
        assert conv.conv_id == text and conv.owner == text and conv.draft.text == text
        assert conv.draft.user_define == text and conv.custom_data == text[:256] and conv.groups == (name,)
        assert conv.last_message_text == text
        assert list(client.messages(text)["text"]) == [text]
        assert {k for page in client.iter_conversation_pages(group=name) for k in page.index} == {
            f"c2c_{text}", f"group_{text}"}
        assert client.unread_count(group=name) == 0
        assert len(client.conversation_list()) == 2  # nothing dropped, nothing extra
    assert not Path("/tmp/timconv-evil.db").exists()


def test_every_html_output_is_escaped(client: Client) -> None:
    client.create_conversation(XSS)
    client.set_draft(XSS, XSS, user_define=XSS)
    message = client.send_text(XSS, XSS)
    conv = client.conversation(XSS)
    inspector = CallInspector(client)
    client.set_custom_data([f"c2c_{XSS}"], XSS)
    inspector.table.selected = str(inspector.row_seqs[-1])
    client.stop_recording()
    client.login(XSS)  # the client's own HTML names the user
    outputs = [conv._repr_html_(), message._repr_html_(), client._repr_html_(),
               client.conversations().to_html(), inspector.detail.value]
    for output in outputs:
        assert "<script>" not in output and "&lt;script&gt;" in output, output[:300]
    inspector.close()


def test_engine_files_never_follow_a_planted_symlink(tmp_path: Path) -> None:
    target = tmp_path / "target.db"
    target.write_bytes(b"precious")
    with Client(tmp_path / "data") as client:
        folder = tmp_path / "data" / "timconv" / str(client.app_id) / b"mallory".hex()
        folder.mkdir(parents=True, mode=0o700)
        os.symlink(target, folder / "store.db")
        with pytest.raises(OSError):  # StorageError: the store is not opened through the link
            client.login("mallory")
    assert target.read_bytes() == b"precious"
