"""User status (TIMManager.h 1.4, 2.5, 3.5, 6.5-6.8, 8.2) on the local engine: online while a
process of the app holds the user's login, offline once none does after a login (the process died
or was uninitialised), not logged in after a logout; custom statuses; subscriptions across
processes. Each rule cites the vendor's header (SDK 8.0.5906); another user is another process."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from conftest import engine_library_path, wait_until
from test_messages import Peer
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.profiles import UserStatusType

ONLINE, OFFLINE, UNLOGINED = UserStatusType.ONLINE, UserStatusType.OFFLINE, UserStatusType.UNLOGINED




def status_of(client: Client, user: str) -> UserStatusType:
    return client.user_status_list([user])[0].status_type


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


# ---- TIMManager.h 79-89 (the status types), 620 (one's own status: one's own id) ----

def test_the_status_types_follow_the_login(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        [me, never] = alice.user_status_list(["alice", "nobody"])
        assert (me.user_id, me.status_type, me.custom_status, me.online_devices) == ("alice", ONLINE, "", ())
        assert never.status_type is UNLOGINED  # 88: "账号注册后还未登录" (never logged in)
        with Classroom(alice, ["bob"]) as peers:
            assert status_of(alice, "bob") is ONLINE  # a process holds bob's login
            peers["bob"].logout()
            assert status_of(alice, "bob") is UNLOGINED  # 87: after TIMLogout
            peers["bob"].login("bob")
            assert status_of(alice, "bob") is ONLINE
        # the classroom closed bob's client without a logout (TIMUninit): logged in, no process
        assert wait_until(lambda: status_of(alice, "bob") is OFFLINE)


def test_a_process_that_dies_leaves_its_user_offline(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Client(root, library=engine_library_path()) as alice:
        alice.login("alice")
        bob = Peer(root, "bob")
        assert status_of(alice, "bob") is ONLINE
        bob.process.send_signal(signal.SIGKILL)
        bob.process.wait(10)
        assert status_of(alice, "bob") is OFFLINE  # the kernel dropped the login with the process


# ---- TIMManager.h 634-654 (TIMSetSelfStatus: the custom status only), 276 and 667 (one's own change
# comes through the status callback) ----

def test_setting_ones_custom_status_is_heard_here_and_read_by_anyone(alice: Client) -> None:
    heard: list = []
    alice.on("user_status_changed", lambda statuses: heard.extend(statuses))
    alice.set_self_status("in a meeting")
    assert [(s.user_id, s.status_type, s.custom_status) for s in heard] == [("alice", ONLINE, "in a meeting")]
    alice.logout()
    alice.login("carol")
    [seen] = alice.user_status_list(["alice"])
    assert (seen.status_type, seen.custom_status) == (UNLOGINED, "in a meeting")  # kept with the user


def test_the_custom_status_is_checked(alice: Client) -> None:
    def set_raw(body: bytes) -> tuple[int, int]:
        result, reply = alice.native.call_and_wait("TIMSetSelfStatus", body, timeout=10)
        return result, reply[0] if reply else None

    assert set_raw(b'{"user_status_custom_status": 5}') == (0, 6017)
    assert set_raw(b"{}") == (0, 6017)  # 643: the custom status is what it sets
    assert set_raw(json.dumps({"user_status_custom_status": "x" * 101}).encode()) == (0, 6017)
    assert set_raw(json.dumps({"user_status_custom_status": "x" * 100}).encode()) == (0, 0)
    assert set_raw(b'["x"]')[0] == -3
    with pytest.raises(ValueError, match="100 bytes"):
        alice.set_self_status("é" * 51)
    result, reply = alice.native.call_and_wait("TIMGetUserStatus", json.dumps(["x" * 128]).encode(), timeout=10)
    assert (result, reply[0]) == (0, 6017)


# ---- subscriptions: TIMManager.h 270-277 (the callback: a followed user's online or custom status),
# 665-668 (subscribe: not oneself, at most 200), 691 (unsubscribe: nothing given, all) ----

def test_a_follower_hears_coming_online_custom_status_and_logging_out(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        heard: list = []
        alice.on("user_status_changed", lambda statuses: heard.extend(
            (s.user_id, s.status_type, s.custom_status) for s in statuses))
        alice.subscribe_user_status(["bob", "alice"])  # one's own id is left out (667)
        assert heard == []  # subscribing tells nothing: it is the baseline
        with Classroom(alice, ["bob"]) as peers:
            assert wait_until(lambda: ("bob", ONLINE, "") in heard)
            peers["bob"].set_self_status("busy")
            assert wait_until(lambda: ("bob", ONLINE, "busy") in heard)
            peers["bob"].logout()
            assert wait_until(lambda: ("bob", UNLOGINED, "busy") in heard)
            assert not any(user == "alice" for user, _, _ in heard)
            alice.unsubscribe_user_status()
            heard.clear()
            peers["bob"].login("bob")
            time.sleep(0.4)
            assert heard == []


def test_a_follower_hears_a_dead_process_go_offline(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Client(root, library=engine_library_path()) as alice:
        alice.login("alice")
        heard: list = []
        alice.on("user_status_changed", lambda statuses: heard.extend((s.user_id, s.status_type) for s in statuses))
        bob = Peer(root, "bob")
        alice.subscribe_user_status(["bob"])
        bob.process.send_signal(signal.SIGKILL)
        bob.process.wait(10)
        assert wait_until(lambda: ("bob", OFFLINE) in heard)
