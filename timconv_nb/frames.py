"""Conversation lists as pandas DataFrames, with one documented schema (docs/api.md).

:func:`conversations_frame` turns ConvInfo JSON (a string or parsed list) into a frame, so the
same conversion serves ``Client.conversations()``, event payloads and vendor output. The frame
is indexed by Tencent's conversation id (``c2c_<id>`` / ``group_<id>``); with ``keep_json=True``
it keeps the JSON it came from in ``frame.attrs["json"]``. Its columns, and how each is read
from a ConvInfo, are declared once in :mod:`conversation_columns`; every path here reads by it.

The ``*_DTYPES`` tables give each frame's columns (name -> dtype), in order.
"""

from __future__ import annotations

import functools
import itertools
import json
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable, Literal, Union

import msgspec
import numpy as np
import orjson
import pandas as pd

from . import _conv_columns, typed_json, wire as k
from .conversation_columns import BY_NAME, COLUMNS, CONV_TYPE, PARTS, REQUIRED, TIME, Column, conversation_index, finish
from .model import MAX_EPOCH_SECONDS, VENDOR_PIN_BIT, ConvType, epoch_seconds, message_text
from .typed_json import decode_conv_columns, gc_paused
from .wire import JsonObject

if TYPE_CHECKING:
    from .recording import CallRecord

__all__ = ["CONVERSATION_DTYPES", "MESSAGE_DTYPES", "RECORD_DTYPES", "GROUP_DTYPES", "MEMBER_DTYPES",
           "SEARCH_DTYPES", "conversations_frame", "conversations_frame_from_columns", "messages_frame",
           "records_frame", "groups_frame", "members_frame", "search_frame",
           "PROFILE_DTYPES", "profiles_frame", "FRIEND_DTYPES", "friends_frame"]

#: A JSON document as the SDK gives it (text, or bytes of UTF-8), or as parsed.
JsonDocument = Union[str, bytes, list[Any], JsonObject]
#: A column's values, one per row (of any type before its dtype converts them); a frame's columns
#: as they are made: each a list, or a function that makes it.
Values = Sequence[Any]
Columns = dict[str, Union[list[Any], Callable[[], list[Any]]]]

#: Column name -> dtype of the conversation frame (declared in conversation_columns.COLUMNS).
CONVERSATION_DTYPES: dict[str, Any] = {column.name: column.dtype for column in COLUMNS}


#: Column name -> dtype of the message frame.
MESSAGE_DTYPES: dict[str, Any] = {
    "conv_id": "string",
    "conv_type": CONV_TYPE,
    "seq": "int64",
    "sender": "string",
    "text": "string",
    "elem_types": "string",
    "server_time": TIME,
    "client_time": TIME,
    "is_from_self": "bool",
    "is_read": "bool",
    "status": "int64",
    "unique_id": "uint64",
    "priority": "int64",
    "custom_str": "string",
    "custom_int": "int64",
}


_GROUP_TYPE = pd.CategoricalDtype(["Public", "Work", "Meeting", "BChatRoom", "Live", "Community"])
_ROLE = pd.CategoricalDtype(["none", "normal", "admin", "owner"])

#: Column name -> dtype of the joined-group frame (TIMGroupGetJoinedGroupList), indexed by group id.
GROUP_DTYPES: dict[str, Any] = {
    "name": "string",
    "group_type": _GROUP_TYPE,
    "role": _ROLE,
    "join_time": TIME,
    "unread": "int64",
    "read_seq": "int64",
    "latest_seq": "int64",
    "recv_opt": "int64",
}

#: Column name -> dtype of the member frame (TIMGroupGetMemberInfoList), indexed by user id.
MEMBER_DTYPES: dict[str, Any] = {
    "group_id": "string",
    "role": _ROLE,
    "join_time": TIME,
    "name_card": "string",
    "muted_until": TIME,
}


#: Column name -> dtype of the profile frame (TIMProfileGetUserProfileList), indexed by user id;
#: ``custom`` holds each user's dict of custom fields (keys without their prefix).
PROFILE_DTYPES: dict[str, Any] = {
    "nickname": "string",
    "face_url": "string",
    "gender": pd.CategoricalDtype(["unknown", "male", "female"]),
    "signature": "string",
    "add_permission": pd.CategoricalDtype(["unknown", "allow_any", "need_confirm", "deny_any"]),
    "location": "string",
    "language": "int64",
    "birthday": "int64",
    "level": "int64",
    "role": "int64",
    "custom": "object",
}


#: Column name -> dtype of the friend frame (``Client.friends``), indexed by user id.
FRIEND_DTYPES: dict[str, Any] = {
    "show_name": "string",
    "remark": "string",
    "nickname": "string",
    "face_url": "string",
    "groups": "object",
    "add_source": "string",
    "add_wording": "string",
    "add_time": TIME,
    "add_permission": PROFILE_DTYPES["add_permission"],
    "custom": "object",
}


#: Column name -> dtype of the frame of call records (timconv_nb.recording).
RECORD_DTYPES: dict[str, Any] = {
    "kind": pd.CategoricalDtype(["call", "event"]),
    "function": "string",
    "outcome": pd.CategoricalDtype(["ok", "failed", "refused", "pending", "event"]),
    "args": "object",
    "result": "object",
    "code": "Int64",
    "desc": "string",
    "json": "object",
    "thread": "string",
    "thread_id": "UInt64",
    "callback_thread_id": "UInt64",
    "started": pd.DatetimeTZDtype(unit="ns", tz="UTC"),
    "returned_ms": "Float64",
    "latency_ms": "Float64",
}


def _times(values: Values) -> pd.api.extensions.ExtensionArray:
    """API seconds (or None) as datetime64[s, UTC], by the rule of :func:`epoch_seconds` applied
    to the whole column at once: the vendor's pin bit dropped, NaT when absent or past year
    9999. None becomes -1, which that rule makes NaT as it does any negative value (four times
    faster than a nullable integer array). Values beyond int64 go through epoch_seconds one by
    one."""
    try:
        seconds = np.array([-1 if v is None else v for v in values], dtype=np.int64)
    except (TypeError, OverflowError, ValueError):
        seconds = np.array([-1 if (s := epoch_seconds(v)) is None else s for v in values], dtype=np.int64)
    seconds &= VENDOR_PIN_BIT - 1
    stamps = seconds.astype("datetime64[s]")
    stamps[seconds > MAX_EPOCH_SECONDS] = np.datetime64("NaT")
    return pd.array(stamps, dtype=TIME)


def _objects(values: Values) -> np.ndarray:
    """The values as a NumPy object array, each value one element (a tuple stays whole)."""
    return np.fromiter(values, dtype=object, count=len(values))


def _strings(values: Values) -> pd.api.extensions.ExtensionArray:
    """str values (None: NA) as the "string" dtype. With pandas' Python storage of strings (its
    default without pyarrow), made by StringArray from an object array, which only checks each
    value (pd.array converts each one: four times slower on a column that is mostly None)."""
    if pd.StringDtype().storage == "python":
        try:
            return pd.arrays.StringArray(_objects(values))
        except ValueError:  # a value that is not a string: pd.array converts it, as before
            pass
    return pd.array(values, dtype="string")


def _nullable(values: Values, dtype: Literal["Int64", "boolean"],
              typed: bool = False) -> pd.api.extensions.ExtensionArray:
    """Integers or booleans (None: NA) as "Int64" or "boolean", from the values and their mask
    (pd.array infers each value's type: twice as slow); other values go through pd.array.
    ``typed``: every value is of the dtype's Python type or None already (not checked again)."""
    plain = int if dtype == "Int64" else bool
    if typed or {type(v) for v in values} <= {plain, type(None)}:
        missing = np.fromiter(map(operator.is_, values, itertools.repeat(None)), dtype=bool, count=len(values))
        try:
            filled = np.array([v or 0 for v in values], dtype=np.int64 if plain is int else bool)
        except OverflowError:  # beyond int64: pd.array says so
            return pd.array(values, dtype=dtype)
        return (pd.arrays.IntegerArray if plain is int else pd.arrays.BooleanArray)(filled, missing)
    return pd.array(values, dtype=dtype)


def _categorical(values: Values, dtype: pd.CategoricalDtype) -> pd.Categorical:
    """The values as a Categorical of ``dtype`` by their codes (NaN for a value it does not list,
    as pd.array gives)."""
    code_of = {category: code for code, category in enumerate(dtype.categories)}
    codes = np.fromiter(map(code_of.get, values, itertools.repeat(-1)), dtype=np.int16, count=len(values))
    return pd.Categorical.from_codes(codes, dtype=dtype)


def _frame(columns: Columns, schema: dict[str, Any], index: list[str], index_name: str,
           typed: bool = False) -> pd.DataFrame:
    """A frame of the given columns, typed by ``schema``: each a list, or a function that makes
    it (made in turn, each let go once converted: the lists never all live at once). ``typed``:
    the values are of their dtypes' Python types or None already (decoded by type: the local
    engine's columns, or the vendor listing in C), so they are not checked again."""
    data: dict[str, Union[pd.api.extensions.ExtensionArray, np.ndarray]] = {}
    for name, dtype in schema.items():
        values = columns.pop(name)
        if callable(values):
            values = values()
        if dtype is TIME:
            data[name] = _times(values)
        elif dtype in ("int64", "bool"):
            data[name] = np.array(values, dtype=dtype)
        elif dtype == "string":
            data[name] = _strings(values)
        elif dtype == "object":
            data[name] = _objects(values)
        elif dtype == "Int64" or dtype == "boolean":
            data[name] = _nullable(values, dtype, typed)
        elif isinstance(dtype, pd.CategoricalDtype):
            data[name] = _categorical(values, dtype)
        else:
            data[name] = pd.array(values, dtype=dtype)
        del values
    frame: pd.DataFrame = pd.DataFrame(data, index=pd.Index(_strings(index), name=index_name), copy=False)
    return frame


def _json_text(data: JsonDocument) -> str:
    if isinstance(data, bytes):
        return data.decode()
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)


def _parsed(data: JsonDocument) -> Any:
    """A JSON document given as text, parsed (orjson keeps every integer exact, as json does, and
    parses several times faster), or as it was given."""
    return orjson.loads(data) if isinstance(data, (str, bytes)) else data


def _with_json(frame: pd.DataFrame, data: JsonDocument, keep_json: bool) -> pd.DataFrame:
    """The frame, with the JSON it came from in ``attrs["json"]`` when asked for."""
    if keep_json:
        frame.attrs["json"] = _json_text(data)
    return frame


def messages_frame(messages: Union[str, bytes, list[JsonObject]], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of Message objects (a JSON array text, or the parsed list), indexed by
    message id, in their order (``TIMMsgGetMsgList`` gives newest first)."""
    with gc_paused():
        return _with_json(_messages_frame(_parsed(messages)), messages, keep_json)


#: Column name -> dtype of the search frame (TIMMsgSearchLocalMessages): the message frame's
#: columns (nullable: a conversation whose matches the result leaves out has a row without a
#: message) and how many messages of the row's conversation match.
SEARCH_DTYPES: dict[str, Any] = {
    **{name: {"int64": "Int64", "uint64": "UInt64", "bool": "boolean"}.get(str(dtype), dtype)
       for name, dtype in MESSAGE_DTYPES.items()},
    "match_count": "int64",
}


def search_frame(result: Union[str, bytes, JsonObject]) -> pd.DataFrame:
    """A DataFrame of a MessageSearchResult (TIMMessageManager.h 8.4, 8.5): a row per message it
    carries, indexed by message id, and, searching every conversation, a row without a message
    (empty id) for each conversation with several matches (the vendor then leaves them out);
    ``match_count`` is the row's conversation's number of matches, ``attrs["total_count"]`` the
    result's total (matching messages of one conversation, or conversations)."""
    data = _parsed(result)
    items, counts, bare = [], [], []
    for item in data.get(k.kTIMMsgSearchResultItemArray, []):
        shown = item.get(k.kTIMMsgSearchResultItemMessageArray) or [
            {k.kTIMMsgConvId: item.get(k.kTIMMsgSearchResultItemConvId, ""),
             k.kTIMMsgConvType: item.get(k.kTIMMsgSearchResultItemConvType, 1)}]
        for message in shown:
            bare.append(k.kTIMMsgMsgId not in message)
            items.append(message)
            counts.append(item.get(k.kTIMMsgSearchResultItemTotalMessageCount, 0))
    frame: pd.DataFrame = _messages_frame(items).astype(
        {name: dtype for name, dtype in SEARCH_DTYPES.items() if name in MESSAGE_DTYPES})
    frame.loc[bare, [name for name in MESSAGE_DTYPES if name not in ("conv_id", "conv_type")]] = pd.NA
    frame["match_count"] = np.array(counts, dtype="int64")
    frame.attrs["total_count"] = int(data.get(k.kTIMMsgSearchResultTotalCount, 0))
    return frame


def _messages_frame(items: list[JsonObject]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {name: [] for name in MESSAGE_DTYPES}
    index: list[str] = []
    for msg in items:
        index.append(str(msg.get(k.kTIMMsgMsgId, "")))
        columns["conv_id"].append(msg.get(k.kTIMMsgConvId, ""))
        columns["conv_type"].append(ConvType(msg.get(k.kTIMMsgConvType, 1)).prefix)
        columns["seq"].append(msg.get(k.kTIMMsgSeq, 0))
        columns["sender"].append(msg.get(k.kTIMMsgSender, ""))
        columns["text"].append(message_text(msg))
        columns["elem_types"].append(",".join(str(e.get(k.kTIMElemType)) for e in msg.get(k.kTIMMsgElemArray, [])
                                              if isinstance(e, dict)))
        columns["server_time"].append(msg.get(k.kTIMMsgServerTime))
        columns["client_time"].append(msg.get(k.kTIMMsgClientTime))
        columns["is_from_self"].append(bool(msg.get(k.kTIMMsgIsFormSelf, False)))
        columns["is_read"].append(bool(msg.get(k.kTIMMsgIsRead, False)))
        columns["status"].append(msg.get(k.kTIMMsgStatus, 0))
        columns["unique_id"].append(msg.get(k.kTIMMsgUniqueId, 0))
        columns["priority"].append(msg.get(k.kTIMMsgPriority, 0))
        columns["custom_str"].append(msg.get(k.kTIMMsgCustomStr, ""))
        columns["custom_int"].append(msg.get(k.kTIMMsgCustomInt, 0))
    return _frame(dict(columns), MESSAGE_DTYPES, index, "msg_id")


def conversations_frame(conv_infos: Union[str, bytes, list[JsonObject]], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of ConvInfo objects (a JSON array text, or the parsed list), in their order.
    A text is decoded straight into columns (timconv_nb._conv_columns; a text it does not take is
    parsed generically); the same frame either way. ``keep_json``: the JSON text in
    ``frame.attrs["json"]`` (it is as large as the frame: kept only when asked for)."""
    with gc_paused():
        typed = isinstance(conv_infos, (str, bytes))
        columns: Columns
        if isinstance(conv_infos, (str, bytes)):
            try:
                columns, index = _columns_of_text(conv_infos)
            except ValueError:  # outside what the decoder takes: the generic parse says what is wrong
                typed = False
                columns, index = _columns_of_dicts(orjson.loads(conv_infos))
        else:
            columns, index = _columns_of_dicts(conv_infos)
        frame = _frame(columns, CONVERSATION_DTYPES, index, "conversation", typed)
    return _with_json(frame, conv_infos, keep_json)


def conversations_frame_from_columns(conv_columns: Union[str, bytes, memoryview, msgspec.Struct]) -> pd.DataFrame:
    """The same DataFrame from the local engine's list as columns (timconv_conv_list_columns's
    JSON, or its typed_json.ConvColumns): no object per conversation is made on the way."""
    if not isinstance(conv_columns, typed_json.ConvColumns):
        conv_columns = decode_conv_columns(conv_columns)
    with gc_paused():
        columns, index = _columns_of_engine(conv_columns)
        return _frame(columns, CONVERSATION_DTYPES, index, "conversation", typed=True)


def _columns_of_dicts(infos: list[JsonObject]) -> tuple[Columns, list[str]]:
    """The frame's columns of parsed ConvInfo dicts, as the declaration reads them (one
    comprehension per column: several times faster than appending row by row); times as the
    API gives them (_times applies the rule)."""
    parts = {part: [info.get(part.member) if info.get(part.flag) else None for info in infos] for part in PARTS}
    columns: dict[str, list[Any]] = {}
    for column in COLUMNS:
        key, default, convert = column.key, column.default, column.convert
        if column.part is None:
            assert key is not None  # a column of a ConvInfo member names the member
            values = ([info[key] for info in infos] if default is REQUIRED
                      else [info.get(key, default) for info in infos])
        elif key is None:
            values = parts[column.part]
        elif convert is not None:  # converted where the part is, None where it is not
            columns[column.name] = [convert(p.get(key, default)) if p else None for p in parts[column.part]]
            continue
        else:
            values = [p.get(key, default) if p else None for p in parts[column.part]]
        columns[column.name] = finish(column, values)
    return dict(columns), conversation_index(columns["conv_type"], columns["conv_id"])


#: The columns the C decoder leaves to Python (engine/columns/conv_columns.c: the types' names,
#: the marks' and the @ reminders' names); it finishes every other value as finish() would.
_LEFT_BY_THE_DECODER = ("conv_type", "marks", "group_at")


def _columns_of_text(text: Union[str, bytes]) -> tuple[Columns, list[str]]:
    """The frame's columns of a ConvInfo array's JSON text, decoded in C (_conv_columns), finished
    here as declared: the columns it leaves, and the text of a message other than text elements
    (handed over as its parsed dict). ValueError when the decoder does not take the text."""
    values, deferred = _conv_columns.decode(text)
    columns: dict[str, list[Any]] = dict(zip(_conv_columns.COLUMNS, values))
    for name, row in deferred:
        convert = BY_NAME[name].convert
        assert convert is not None  # the decoder defers only message texts, which message_text makes
        columns[name][row] = convert(columns[name][row])
    for name in _LEFT_BY_THE_DECODER:
        columns[name] = finish(BY_NAME[name], columns[name])
    return dict(columns), conversation_index(columns["conv_type"], columns["conv_id"])


#: The last column that reads each part: the part's list is let go once it is made.
_LAST_READER = {column.part: column.name for column in COLUMNS if column.part is not None}


def _columns_of_engine(c: msgspec.Struct) -> tuple[Columns, list[str]]:
    """The frame's columns of the local engine's typed columns, as the declaration reads them
    (the same values _columns_of_dicts gives). Each column is made when _frame asks for it, and
    each of c's lists is let go once the last column made of it is made: listing's peak memory
    stays near the frame's own size."""

    def take(name: str, last: bool = True) -> list[Any]:
        values: list[Any] = getattr(c, name)
        if last:
            setattr(c, name, [])
        return values

    def made(column: Column) -> list[Any]:
        if column.part is None:
            return finish(column, take(column.name))
        parts = take(column.part.name, _LAST_READER[column.part] == column.name)
        convert = column.convert
        if column.key is None:
            if convert is message_text and column.empty is None:  # the last message's text: made faster
                return typed_json.message_texts(parts)
            return finish(column, parts)
        read = typed_json.member_reader(column)
        if convert is None:
            return [read(p) if p else None for p in parts]
        return [convert(read(p)) if p else None for p in parts]

    kinds = finish(BY_NAME["conv_type"], take("conv_type"))
    index = conversation_index(kinds, take("conv_id", last=False))
    columns: Columns = {column.name: functools.partial(made, column) for column in COLUMNS}
    columns["conv_type"] = lambda: kinds
    return columns, index


def _seconds(when: Any) -> Any:
    return None if when is None else int(when.timestamp())


def groups_frame(base_infos: Union[str, bytes, list[JsonObject]], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of the joined groups (GroupBaseInfo objects), oldest membership first."""
    from .membership import JoinedGroup

    groups = [JoinedGroup.from_json(info) for info in _parsed(base_infos)]
    columns: Columns = {"name": [g.name for g in groups], "group_type": [g.group_type.label for g in groups],
               "role": [g.role.name.lower() for g in groups],
               "join_time": [_seconds(g.join_time) for g in groups], "unread": [g.unread for g in groups],
               "read_seq": [g.read_seq for g in groups], "latest_seq": [g.latest_seq for g in groups],
               "recv_opt": [g.recv_opt for g in groups]}
    return _with_json(_frame(columns, GROUP_DTYPES, [g.group_id for g in groups], "group_id"), base_infos, keep_json)


def members_frame(result: Union[str, bytes, JsonObject], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of a group's members (a GroupGetMemberInfoListResult), oldest member first."""
    from .membership import GroupMember

    data = _parsed(result)
    members = [GroupMember.from_json(m) for m in data.get(k.kTIMGroupGetMemberInfoListResultInfoArray) or ()]
    columns: Columns = {"group_id": [m.group_id for m in members], "role": [m.role.name.lower() for m in members],
                        "join_time": [_seconds(m.join_time) for m in members],
                        "name_card": [m.name_card for m in members],
                        "muted_until": [_seconds(m.muted_until) for m in members]}
    return _with_json(_frame(columns, MEMBER_DTYPES, [m.user_id for m in members], "user_id"), result, keep_json)


def profiles_frame(profiles: Union[str, bytes, list[JsonObject]], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of UserProfile objects, in the order asked."""
    from .profiles import UserProfile

    users = [UserProfile.from_json(p) for p in _parsed(profiles)]
    columns: Columns = {"nickname": [u.nickname for u in users], "face_url": [u.face_url for u in users],
                        "gender": [u.gender.name.lower() for u in users], "signature": [u.signature for u in users],
                        "add_permission": [u.add_permission.name.lower() for u in users],
                        "location": [u.location for u in users], "language": [u.language for u in users],
                        "birthday": [u.birthday for u in users], "level": [u.level for u in users],
                        "role": [u.role for u in users], "custom": [u.custom for u in users]}
    return _with_json(_frame(columns, PROFILE_DTYPES, [u.user_id for u in users], "user_id"), profiles, keep_json)


def friends_frame(profiles: Union[str, bytes, list[JsonObject]], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of FriendProfile objects (the friend list), first added first."""
    from .friends import FriendProfile

    friends = [FriendProfile.from_json(p) for p in _parsed(profiles)]
    columns: Columns = {"show_name": [f.show_name for f in friends], "remark": [f.remark for f in friends],
                        "nickname": [f.profile.nickname for f in friends],
                        "face_url": [f.profile.face_url for f in friends], "groups": [f.groups for f in friends],
                        "add_source": [f.add_source for f in friends], "add_wording": [f.add_wording for f in friends],
                        "add_time": [f.add_time for f in friends],
                        "add_permission": [f.profile.add_permission.name.lower() for f in friends],
                        "custom": [f.custom for f in friends]}
    return _with_json(_frame(columns, FRIEND_DTYPES, [f.user_id for f in friends], "user_id"), profiles, keep_json)


def records_frame(records: list[CallRecord]) -> pd.DataFrame:
    """A DataFrame of CallRecords (``Recorder.frame()``), indexed by their sequence number."""
    columns: dict[str, list[Any]] = {name: [] for name in RECORD_DTYPES}
    for record in records:
        for name in RECORD_DTYPES:
            if name == "outcome":
                columns[name].append(record.outcome)
            elif name == "started":
                columns[name].append(int(record.started * 1e9))
            else:
                columns[name].append(getattr(record, name))
    data: dict[str, Any] = {}
    for name, dtype in RECORD_DTYPES.items():
        if name == "started":
            data[name] = pd.to_datetime(pd.array(columns[name], dtype="Int64"), unit="ns", utc=True)
        else:
            data[name] = pd.array(columns[name], dtype=dtype)
    frame: pd.DataFrame = pd.DataFrame(data, index=pd.Index([r.seq for r in records], dtype="int64", name="seq"))
    return frame
