"""Group counters on the local engine (TIMGroupManager.h 5.9-5.12, 2.3/3.3): setting, reading,
increasing and decreasing them, the group types that have them, and TIMGroupCounterChangedCallback in
every member's process. Each rule cites the vendor's header (SDK 8.0.5906, fetched by
``python -m timconv_nb.vendor fetch``)."""

from __future__ import annotations

import json
import queue
from pathlib import Path

import pytest

from conftest import engine_library_path
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.errors import GroupNotFoundError, GroupPermissionError, InvalidParameterError

WAIT = 10.0  # seconds an event may take to arrive from another process (it comes within about 100 ms)
INT64_MAX = 2**63 - 1


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def heard_counters(client: Client) -> queue.Queue:
    """A queue of the (group_id, key, value) triples client's process hears."""
    changes: queue.Queue = queue.Queue()
    client.on("group_counter_changed", lambda group_id, key, value: changes.put((group_id, key, value)))
    return changes


# 5.9 (832-860, 842): "该计数器的 key 如果存在，则直接更新计数器的 value 值；如果不存在，则添加该计数器的 key-value";
# "当群计数器设置成功后，在回调 cb 中会返回最终成功设置的群计数器信息". 5.10 (863-886, 872): "如果传入的
# json_group_counter_key_array 为空，则表示获取群内的所有计数器".
def test_set_and_get(alice: Client) -> None:
    alice.create_group("Team", "team", "public")
    assert alice.set_group_counters("team", {"likes": 3, "views": 10}) == {"likes": 3, "views": 10}
    assert alice.set_group_counters("team", {"likes": 5}) == {"likes": 5}  # only what was set
    assert alice.group_counters("team") == {"likes": 5, "views": 10}
    assert alice.group_counters("team", ["views", "never set"]) == {"views": 10}
    assert alice.set_group_counters("team", {"low": -(2**63), "high": INT64_MAX}) == {"high": INT64_MAX,
                                                                                      "low": -(2**63)}
    result, reply = alice.native.call_and_wait("TIMGroupGetGroupCounters", b"team", b"", timeout=10)
    assert (result, reply[0]) == (0, 0)
    assert {c["group_counter_key"] for c in json.loads(reply[2])} == {"high", "likes", "low", "views"}


# 5.11 (889-910, 899), 5.12 (913-934, 923): "反之，添加 key，并在默认值为 0 的基础上根据传入的
# group_counter_value 作递增(递减)操作". A value past int64 (10.12: "int64, 读写") is refused (10004,
# TIMErrorCode.h 343).
def test_increase_and_decrease(alice: Client) -> None:
    alice.create_group("Team", "team", "work")
    assert alice.increase_group_counter("team", "new", 2) == 2  # from 0
    assert alice.decrease_group_counter("team", "other", 3) == -3  # from 0
    assert alice.increase_group_counter("team", "new", 40) == 42
    assert alice.decrease_group_counter("team", "new", -8) == 50
    assert alice.group_counters("team") == {"new": 50, "other": -3}
    alice.set_group_counters("team", {"edge": INT64_MAX})
    with pytest.raises(InvalidParameterError, match="int64") as refused:
        alice.increase_group_counter("team", "edge", 1)
    assert refused.value.code == 10004
    with pytest.raises(InvalidParameterError, match="int64"):
        alice.decrease_group_counter("team", "edge", -1)  # taking -1 from the largest overflows too
    assert alice.group_counters("team", ["edge", "other"]) == {"edge": INT64_MAX, "other": -3}


# 843, 873, 900, 924: "除了社群和话题，群计数器支持所有的群组类型": a Community has none (10007, TIMErrorCode.h 346).
@pytest.mark.parametrize("group_type", ["public", "work", "meeting", "live"])
def test_every_group_type_but_a_community_has_counters(alice: Client, group_type: str) -> None:
    alice.create_group("G", "g", group_type)
    assert alice.increase_group_counter("g", "n", 1) == 1


def test_a_community_has_no_counters(alice: Client) -> None:
    alice.create_group("C", "@TGS#_c", "community")
    for call in (lambda: alice.set_group_counters("@TGS#_c", {"n": 1}), lambda: alice.group_counters("@TGS#_c"),
                 lambda: alice.increase_group_counter("@TGS#_c", "n", 1),
                 lambda: alice.decrease_group_counter("@TGS#_c", "n", 1)):
        with pytest.raises(GroupPermissionError, match="Community") as refused:
            call()
        assert refused.value.code == 10007


# The header is silent on a key's length: the local engine takes 1 to 128 bytes (docs/vendor.md),
# refused as the server refuses an invalid parameter (10004).
def test_keys(alice: Client) -> None:
    alice.create_group("Team", "team", "public")
    assert alice.increase_group_counter("team", "k" * 128, 1) == 1
    with pytest.raises(InvalidParameterError, match="1 to 128 bytes"):
        alice.increase_group_counter("team", "k" * 129, 1)
    with pytest.raises(InvalidParameterError, match="1 to 128 bytes"):
        alice.set_group_counters("team", {"": 1})
    with pytest.raises(ValueError, match="not empty"):
        alice.increase_group_counter("team", "", 1)
    assert alice.native.call_and_wait("TIMGroupIncreaseGroupCounter", b"team", b"", 1, timeout=10)[0] == -4
    for bad in (b'{"group_counter_key": "k"}', b'[{"group_counter_key": "k", "group_counter_value": "1"}]',
                b'[{"group_counter_key": "k", "group_counter_value": 1.5}]'):
        assert alice.native.call_and_wait("TIMGroupSetGroupCounters", b"team", bad, timeout=10)[0] == -3
    with pytest.raises(ValueError, match="an int"):
        alice.set_group_counters("team", {"k": "1"})  # type: ignore[dict-item]


# Only members read and change a group's counters (10007); 10010 for no such group.
def test_members_only(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Room", "room", "meeting")
        with Classroom(alice, ["bob"]) as peers:
            with pytest.raises(GroupPermissionError, match="not a member"):
                peers["bob"].increase_group_counter("room", "n", 1)
            with pytest.raises(GroupPermissionError, match="not a member"):
                peers["bob"].group_counters("room")
        with pytest.raises(GroupNotFoundError):
            alice.group_counters("nogroup")


# 3.3 (359-367, 365): "某个已加入的群的计数器被修改了，会返回当前变更的群计数器（该群所有的成员都能收到）";
# 2.3 (301-307): the callback gets the group id, the counter's key and its new value, once per counter.
def test_every_members_process_hears_each_counter(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Room", "room", "meeting")
        changes = heard_counters(alice)
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            bob.join_group("room")
            assert bob.increase_group_counter("room", "hands", 1) == 1
            assert changes.get(timeout=WAIT) == ("room", "hands", 1)
            bob.set_group_counters("room", {"a": 7, "b": 8})
            assert sorted([changes.get(timeout=WAIT), changes.get(timeout=WAIT)]) == [("room", "a", 7),
                                                                                       ("room", "b", 8)]
            alice.decrease_group_counter("room", "hands", 1)  # her own change: her process hears it too
            assert changes.get(timeout=WAIT) == ("room", "hands", 0)
            bob.create_group("Bob's", "bobs", "meeting")  # not hers: not heard
            bob.increase_group_counter("bobs", "secret", 1)
            bob.increase_group_counter("room", "hands", 5)
            assert changes.get(timeout=WAIT) == ("room", "hands", 5)
            assert changes.empty()
