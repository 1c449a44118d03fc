"""An acknowledged write survives the process being killed with SIGKILL at any instant."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, RawEngine

C2C = 1
#: Kill rounds: 50 in the suite; TIMCONV_KILL_ROUNDS=500 for a soak run.
ROUNDS = int(os.environ.get("TIMCONV_KILL_ROUNDS", "50"))


def kill_child_at_random(root: Path, rng: random.Random) -> list[str]:
    """Runs the child until it has acknowledged something, kills it at a random moment, and
    returns the complete lines it printed."""
    child = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "durability_child.py"), str(root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    first = child.stdout.readline()  # started and acknowledging
    assert first.startswith("created"), first
    time.sleep(rng.uniform(0.01, 0.4))
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()
    child.wait()
    assert child.returncode == -signal.SIGKILL
    return [first.strip()] + [line for line in rest.split("\n")[:-1]]  # the last piece may be cut


def test_acknowledged_writes_survive_sigkill(raw: RawEngine, tmp_path: Path) -> None:
    rng = random.Random(20261125)
    acknowledged = 0
    kinds_seen: set[str] = set()
    for round_number in range(ROUNDS):
        root = tmp_path / f"round{round_number}"
        lines = kill_child_at_random(root, rng)
        acknowledged += len(lines)
        seen: dict[str, set[int]] = {"created": set(), "deleted": set(), "draft": set(), "pinned": set(),
                                     "sent": set(), "grouped": set(), "invited": set(), "renamed": set()}
        for line in lines:
            kind, number = line.split()
            seen[kind].add(int(number))
        assert integrity(root) == "ok"
        assert raw.lib.TIMUninit() == 0
        assert raw.init({"sdk_config_config_file_path": str(root)}) == 0
        raw.login("alice")
        stored = {c["conv_id"]: c for c in raw.conv_list()}
        # The child deletes peer N-2 after creating peer N when N % 4 == 3: a delete that was
        # not acknowledged when the child died may or may not have happened.
        unacknowledged_delete = {n - 2 for n in seen["created"] if n % 4 == 3} - seen["deleted"]
        for n in seen["created"] - seen["deleted"] - unacknowledged_delete:
            assert f"peer{n}" in stored, (round_number, n)
        for n in seen["deleted"]:
            assert f"peer{n}" not in stored, (round_number, n)
        for n in seen["draft"] - seen["deleted"] - unacknowledged_delete:
            assert stored[f"peer{n}"]["conv_is_has_draft"] is True, (round_number, n)
        for n in seen["pinned"] - seen["deleted"] - unacknowledged_delete:
            assert stored[f"peer{n}"]["conv_is_pinned"] is True, (round_number, n)
        for n in seen["sent"] - seen["deleted"] - unacknowledged_delete:
            assert stored[f"peer{n}"]["conv_last_msg"]["message_elem_array"][0]["text_elem_content"] == f"message {n}"
        # A group message acknowledged is in alice's store and in her fellow member bob's, under one seq.
        alice_group, bob_group = group_messages(root, "alice"), group_messages(root, "bob")
        for n in seen["grouped"]:
            text = f"group message {n}"
            assert text in alice_group and alice_group[text] == bob_group.get(text), (round_number, n)
        # An invitation acknowledged made a member; the group bears the last acknowledged name or a later one.
        members, name = crew_in_registry(root)
        assert {f"guest{n}" for n in seen["invited"]} <= members, round_number
        if seen["renamed"]:
            assert name.startswith("Crew ") and int(name.split()[1]) >= max(seen["renamed"]), (round_number, name)
        kinds_seen.update(kind for kind, numbers in seen.items() if numbers)
    assert acknowledged > ROUNDS
    assert kinds_seen == {"created", "deleted", "draft", "pinned", "sent", "grouped", "invited", "renamed"}


def group_messages(root: Path, user: str) -> dict[str, int]:
    """{text: seq} of the messages of group "crew" in user's store."""
    (store,) = root.glob(f"timconv/*/{user.encode().hex()}/store.db")
    with sqlite3.connect(store) as db:
        return dict(db.execute("SELECT json_extract(msg, '$.message_elem_array[0].text_elem_content'), seq"
                               " FROM message WHERE conv_type = 2 AND conv_id = 'crew'"))


def crew_in_registry(root: Path) -> tuple[set[str], str]:
    """The members of group "crew" and its name, as the group registry keeps them."""
    (registry,) = root.glob("timconv/*/groups.db")
    with sqlite3.connect(registry) as db:
        members = {user for (user,) in db.execute("SELECT user_id FROM im_member WHERE group_id = 'crew'")}
        (name,) = db.execute("SELECT name FROM im_group WHERE group_id = 'crew'").fetchone()
    return members, name


def integrity(root: Path) -> str:
    """"ok" when every store (alice's, and those of the peers her messages reached) and the group
    registry pass."""
    results = set()
    for store in [*root.glob("timconv/*/*/store.db"), *root.glob("timconv/*/groups.db")]:
        with sqlite3.connect(store) as db:
            results.add(db.execute("PRAGMA integrity_check").fetchone()[0])
    return "ok" if results == {"ok"} else repr(results)
