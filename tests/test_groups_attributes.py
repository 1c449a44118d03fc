"""Group attributes on the local engine (TIMGroupManager.h 5.4-5.7, 2.2/3.2): who may read and change
them, the vendor's limits and codes, the write conflict (10056) and the frequency limits (8511), and
TIMGroupAttributeChangedCallback in every member's process. Each rule cites the vendor's header
(SDK 8.0.5906, fetched by ``python -m timconv_nb.vendor fetch``)."""

from __future__ import annotations

import json
import queue
from pathlib import Path

import pytest

from conftest import engine_library_path
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.errors import (
    FrequencyLimitError,
    GroupAttributeConflictError,
    GroupNotFoundError,
    GroupPermissionError,
    InvalidParameterError,
)

WAIT = 10.0  # seconds an event may take to arrive from another process (it comes within about 100 ms)


@pytest.fixture
def alice(client: Client) -> Client:
    """alice's client, logged in (conftest's ``client``)."""
    return client


def heard_changes(client: Client) -> queue.Queue:
    """A queue of the (group_id, attributes) pairs client's process hears."""
    changes: queue.Queue = queue.Queue()
    client.on("group_attributes_changed", lambda group_id, attributes: changes.put((group_id, attributes)))
    return changes


def native_code(client: Client, function: str, *args: bytes) -> tuple[int, str, str]:
    """A C call with the arguments as given: (callback code, description, json_param)."""
    result, reply = client.native.call_and_wait(function, *args, timeout=10)
    assert result == 0, result
    return reply[0], reply[1], reply[2]


# TIMGroupManager.h 681-714 (5.4): Init replaces the attributes ("会清空原有的群属性列表"); 5.5 (717, 743)
# adds or updates ("已有该群属性则更新其 value 值，没有该群属性则添加该群属性"); 5.6 (769) deletes; 5.7
# (803, 772: "若传入的 json_keys 为空，则获取所有群属性") reads them, as 795-802 shows.
def test_init_set_delete_and_get(alice: Client) -> None:
    alice.create_group("Team", "team", "public")
    alice.init_group_attributes("team", {"topic": "planning", "room": "4"})
    assert alice.group_attributes("team") == {"room": "4", "topic": "planning"}
    alice.set_group_attributes("team", {"room": "5", "lead": "alice"})
    assert alice.group_attributes("team") == {"lead": "alice", "room": "5", "topic": "planning"}
    assert alice.group_attributes("team", ["room", "nothing"]) == {"room": "5"}
    alice.init_group_attributes("team", {"only": "this"})  # the others are cleared
    assert alice.group_attributes("team") == {"only": "this"}
    alice.set_group_attributes("team", {"more": "x"})
    alice.delete_group_attributes("team", ["only"])
    assert alice.group_attributes("team") == {"more": "x"}
    alice.delete_group_attributes("team")  # no keys: all of them
    assert alice.group_attributes("team") == {}
    # 775: json_keys "" reads every attribute; the callback's JSON is a GroupAttributes array (795-802).
    alice.set_group_attributes("team", {"k": "v"})
    code, _, param = native_code(alice, "TIMGroupGetGroupAttributes", b"team", b"")
    assert (code, json.loads(param)) == (0, [{"group_attribute_key": "k", "group_attribute_value": "v"}])
    # 710, 739: a change's json_param is empty ("json_param 为空字符串，判断 code 即可").
    assert native_code(alice, "TIMGroupSetGroupAttributes", b"team",
                       b'[{"group_attribute_key": "k", "group_attribute_value": "w"}]') == (0, "", "")


# 692 (728, 756, 783): from 7.0 attributes are kept by every group type but topics
# ("除了话题外，群属性支持所有的群类型").
@pytest.mark.parametrize("group_type", ["public", "work", "meeting", "live", "community"])
def test_every_group_type_keeps_attributes(alice: Client, group_type: str) -> None:
    group_id = "@TGS#_c" if group_type == "community" else "g"
    alice.create_group("G", group_id, group_type)
    alice.init_group_attributes(group_id, {"kind": group_type})
    assert alice.group_attributes(group_id) == {"kind": group_type}


# 693-695: 16 keys at most, a key of 32 bytes, a value of 4 KB, 16 KB for all; the vendor's server
# refuses what exceeds them (10004, ERR_SVR_GROUP_INVALID_PARAMETERS: TIMErrorCode.h 343).
def test_the_vendors_limits(alice: Client) -> None:
    alice.create_group("Team", "team", "public")
    at_limits = {f"k{i:02d}": "v" for i in range(15)} | {"k" * 32: "v" * 4096}
    alice.init_group_attributes("team", at_limits)
    assert len(alice.group_attributes("team")) == 16
    with pytest.raises(InvalidParameterError, match="at most 16 attributes") as refused:
        alice.set_group_attributes("team", {"one more": "v"})
    assert refused.value.code == 10004
    with pytest.raises(InvalidParameterError, match="1 to 32 bytes"):
        alice.set_group_attributes("team", {"k" * 33: "v"})
    with pytest.raises(InvalidParameterError, match="1 to 32 bytes"):
        alice.set_group_attributes("team", {"": "v"})
    with pytest.raises(InvalidParameterError, match="4 KB"):
        alice.set_group_attributes("team", {"k00": "v" * 4097})
    with pytest.raises(InvalidParameterError, match="16 KB"):
        alice.init_group_attributes("team", {f"k{i}": "v" * 4000 for i in range(5)})
    assert alice.group_attributes("team") == at_limits  # every refused change left them as they were


# 699: "当多个用户同时修改同一个群属性时，只有第一个用户可以执行成功，其它用户会收到 10056 错误码；收到这个错误码之后，
# 请您调用 TIMGroupGetGroupAttributes 把本地保存的群属性更新到最新之后，再发起修改操作" (698: read before the first
# change). A process changes the attributes it last read or wrote; a change by another process since
# is a conflict until it reads them again.
def test_a_change_on_stale_attributes_is_a_conflict(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Room", "room", "meeting")
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            bob.join_group("room")
            bob.init_group_attributes("room", {"speaker": "bob"})  # nobody wrote them before: no read needed
            with pytest.raises(GroupAttributeConflictError, match="get them") as conflict:
                alice.set_group_attributes("room", {"speaker": "alice"})
            assert conflict.value.code == 10056
            assert alice.group_attributes("room") == {"speaker": "bob"}
            alice.set_group_attributes("room", {"speaker": "alice"})  # read: now on the latest
            with pytest.raises(GroupAttributeConflictError):
                bob.set_group_attributes("room", {"speaker": "bob again"})
            with pytest.raises(GroupAttributeConflictError):
                bob.delete_group_attributes("room")
            assert bob.group_attributes("room") == {"speaker": "alice"}
            bob.delete_group_attributes("room")
            assert alice.group_attributes("room") == {}


# 3.2 (348-356, 354): "某个已加入的群的属性被修改了，会返回所在群组的所有属性（该群所有的成员都能收到）"; 2.2
# (288-298): the callback gets the group id and the GroupAttributes array.
def test_every_members_process_hears_all_the_attributes(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Room", "room", "meeting")
        alice.create_group("Other", "other", "meeting")
        changes = heard_changes(alice)
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            bob.join_group("room")
            bob.init_group_attributes("room", {"speaker": "bob", "mic": "on"})
            assert changes.get(timeout=WAIT) == ("room", {"mic": "on", "speaker": "bob"})
            bob.group_attributes("room")
            bob.delete_group_attributes("room", ["mic"])
            assert changes.get(timeout=WAIT) == ("room", {"speaker": "bob"})
            alice.init_group_attributes("other", {"x": "1"})  # her own change: her process hears it too
            assert changes.get(timeout=WAIT) == ("other", {"x": "1"})
            # A group she is not in: its changes are not hers to hear.
            bob.create_group("Bob's", "bobs", "meeting")
            bob.init_group_attributes("bobs", {"secret": "1"})
            alice.group_attributes("room")
            alice.set_group_attributes("room", {"after": "bobs"})
            assert changes.get(timeout=WAIT) == ("room", {"after": "bobs", "speaker": "bob"})
            assert changes.empty()


# Only members read and change a group's attributes (the vendor's server answers 10007,
# ERR_SVR_GROUP_PERMISSION_DENY, TIMErrorCode.h 346, to others); 10010 for no such group (349).
def test_members_only(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_group("Room", "room", "meeting")
        with Classroom(alice, ["bob"]) as peers:
            bob = peers["bob"]
            with pytest.raises(GroupPermissionError, match="not a member"):
                bob.group_attributes("room")
            with pytest.raises(GroupPermissionError, match="not a member"):
                bob.init_group_attributes("room", {"k": "v"})
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        with pytest.raises(GroupNotFoundError):
            alice.group_attributes("nogroup")


# 696-697: "TIMGroupInitGroupAttributes、TIMGroupSetGroupAttributes、TIMGroupDeleteGroupAttributes 接口合并计算，
# SDK 限制为 5 秒 10 次，超过后回调 8511 错误码"; "TIMGroupGetGroupAttributes 接口 SDK 限制 5 秒 20 次"
# (ERR_SDK_GROUP_ATTR_FREQUENCY_LIMIT, TIMErrorCode.h 96).
def test_the_frequency_limits(alice: Client) -> None:
    alice.create_group("Team", "team", "public")
    alice.init_group_attributes("team", {"n": "0"})
    for n in range(1, 9):
        alice.set_group_attributes("team", {"n": str(n)})
    alice.delete_group_attributes("team", ["n"])  # the tenth change
    with pytest.raises(FrequencyLimitError, match="5 seconds") as limited:
        alice.set_group_attributes("team", {"n": "10"})
    assert limited.value.code == 8511
    for _ in range(20):
        alice.group_attributes("team")
    with pytest.raises(FrequencyLimitError):
        alice.group_attributes("team")


def test_bad_arguments_never_reach_c(alice: Client) -> None:
    with pytest.raises(TypeError):
        alice.set_group_attributes("team", [("k", "v")])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="NUL"):
        alice.set_group_attributes("team", {"k": "v\0"})
    # The C checks: an array of GroupAttributes objects whose keys and values are strings (TIM_ERR_JSON -3).
    for bad in (b'{"group_attribute_key": "k"}', b'[{"group_attribute_key": "k", "group_attribute_value": 1}]',
                b'[{"group_attribute_value": "v"}]'):
        assert alice.native.call_and_wait("TIMGroupSetGroupAttributes", b"team", bad, timeout=10)[0] == -3
