"""Conversation lists as pandas DataFrames, with one documented schema (docs/api.md).

:func:`conversations_frame` turns ConvInfo JSON (a string or parsed list) into a frame, so the
same conversion serves ``Client.conversations()``, event payloads and vendor output. The frame
is indexed by Tencent's conversation id (``c2c_<id>`` / ``group_<id>``); with ``keep_json=True``
it keeps the JSON it came from in ``frame.attrs["json"]``.
"""

from __future__ import annotations

import itertools
import json
import operator
from typing import Any, Sequence, Union

import numpy as np
import orjson
import pandas as pd

from . import wire as k
from .model import (GROUP_AT_NAMES, MAX_EPOCH_SECONDS, VENDOR_PIN_BIT, ConvType, epoch_seconds, mark_names,
                    message_text)
from . import _conv_columns, typed_json
from .typed_json import decode_conv_columns, gc_paused
from .wire import PREFIXES, ConvKey

__all__ = ["CONVERSATION_DTYPES", "MESSAGE_DTYPES", "RECORD_DTYPES", "GROUP_DTYPES", "MEMBER_DTYPES",
           "conversations_frame", "conversations_frame_from_columns", "messages_frame", "records_frame", "groups_frame", "members_frame"]

_TIME = pd.DatetimeTZDtype(unit="s", tz="UTC")
_CONV_TYPE = pd.CategoricalDtype(["c2c", "group"])

#: Column name -> dtype of the conversation frame.
CONVERSATION_DTYPES: dict[str, Any] = {
    "conv_id": "string",
    "conv_type": _CONV_TYPE,
    "show_name": "string",
    "unread": "int64",
    "active_time": _TIME,
    "pinned": "bool",
    "has_draft": "bool",
    "draft_text": "string",
    "draft_user_define": "string",
    "draft_edit_time": _TIME,
    "last_msg_text": "string",
    "last_msg_sender": "string",
    "last_msg_time": _TIME,
    "last_msg_revoked": "boolean",
    "recv_opt": "int64",
    "marks": "string",
    "groups": "object",
    "custom_data": "string",
    "read_time": _TIME,
    "read_seq": "Int64",
    "group_at": "string",
}


#: Column name -> dtype of the message frame.
MESSAGE_DTYPES: dict[str, Any] = {
    "conv_id": "string",
    "conv_type": _CONV_TYPE,
    "seq": "int64",
    "sender": "string",
    "text": "string",
    "elem_types": "string",
    "server_time": _TIME,
    "client_time": _TIME,
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
    "join_time": _TIME,
    "unread": "int64",
    "read_seq": "int64",
    "latest_seq": "int64",
    "recv_opt": "int64",
}

#: Column name -> dtype of the member frame (TIMGroupGetMemberInfoList), indexed by user id.
MEMBER_DTYPES: dict[str, Any] = {
    "group_id": "string",
    "role": _ROLE,
    "join_time": _TIME,
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


def _times(values: Sequence) -> pd.api.extensions.ExtensionArray:
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
    return pd.array(stamps, dtype=_TIME)


def _objects(values: Sequence) -> np.ndarray:
    """The values as a NumPy object array, each value one element (a tuple stays whole)."""
    return np.fromiter(values, dtype=object, count=len(values))


def _strings(values: Sequence) -> pd.api.extensions.ExtensionArray:
    """str values (None: NA) as the "string" dtype. With pandas' Python storage of strings (its
    default without pyarrow), made by StringArray from an object array, which only checks each
    value (pd.array converts each one: four times slower on a column that is mostly None)."""
    if pd.StringDtype().storage == "python":
        try:
            return pd.arrays.StringArray(_objects(values))
        except ValueError:  # a value that is not a string: pd.array converts it, as before
            pass
    return pd.array(values, dtype="string")


def _nullable(values: Sequence, dtype: str, typed: bool = False) -> pd.api.extensions.ExtensionArray:
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


def _categorical(values: Sequence, dtype: pd.CategoricalDtype) -> pd.Categorical:
    """The values as a Categorical of ``dtype`` by their codes (NaN for a value it does not list,
    as pd.array gives)."""
    code_of = {category: code for code, category in enumerate(dtype.categories)}
    codes = np.fromiter(map(code_of.get, values, itertools.repeat(-1)), dtype=np.int16, count=len(values))
    return pd.Categorical.from_codes(codes, dtype=dtype)


def _frame(columns: dict[str, Any], schema: dict[str, Any], index: list, index_name: str,
           typed: bool = False) -> pd.DataFrame:
    """A frame of the given columns, typed by ``schema``: each a list, or a function that makes
    it (made in turn, each let go once converted: the lists never all live at once). ``typed``:
    the values are of their dtypes' Python types or None already (decoded by type: the local
    engine's columns, or the vendor listing in C), so they are not checked again."""
    data = {}
    for name, dtype in schema.items():
        values = columns.pop(name)
        if callable(values):
            values = values()
        if dtype is _TIME:
            data[name] = _times(values)
        elif dtype in ("int64", "bool"):
            data[name] = np.array(values, dtype=dtype)
        elif dtype == "string":
            data[name] = _strings(values)
        elif dtype == "object":
            data[name] = _objects(values)
        elif dtype in ("Int64", "boolean"):
            data[name] = _nullable(values, dtype, typed)
        elif isinstance(dtype, pd.CategoricalDtype):
            data[name] = _categorical(values, dtype)
        else:
            data[name] = pd.array(values, dtype=dtype)
        del values
    return pd.DataFrame(data, index=pd.Index(_strings(index), name=index_name), copy=False)


def _json_text(data: Union[str, bytes, list, dict]) -> str:
    if isinstance(data, bytes):
        return data.decode()
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)


def _parsed(data: Union[str, bytes, list, dict]) -> Any:
    """A JSON document given as text, parsed (orjson keeps every integer exact, as json does, and
    parses several times faster), or as it was given."""
    return orjson.loads(data) if isinstance(data, (str, bytes)) else data


def _with_json(frame: pd.DataFrame, data: Union[str, bytes, list, dict], keep_json: bool) -> pd.DataFrame:
    """The frame, with the JSON it came from in ``attrs["json"]`` when asked for."""
    if keep_json:
        frame.attrs["json"] = _json_text(data)
    return frame


def messages_frame(messages: Union[str, bytes, list], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of Message objects (a JSON array text, or the parsed list), indexed by
    message id, in their order (``TIMMsgGetMsgList`` gives newest first)."""
    with gc_paused():
        return _with_json(_messages_frame(_parsed(messages)), messages, keep_json)


def _messages_frame(items: list) -> pd.DataFrame:
    columns: dict[str, list] = {name: [] for name in MESSAGE_DTYPES}
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
    return _frame(columns, MESSAGE_DTYPES, index, "msg_id")


def conversations_frame(conv_infos: Union[str, bytes, list], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of ConvInfo objects (a JSON array text, or the parsed list), in their order.
    A text is decoded straight into columns (timconv_nb._conv_columns; a text it does not take is
    parsed generically); the same frame either way. ``keep_json``: the JSON text in
    ``frame.attrs["json"]`` (it is as large as the frame: kept only when asked for)."""
    with gc_paused():
        typed = isinstance(conv_infos, (str, bytes))
        if typed:
            try:
                columns, index = _decoded_conversation_columns(conv_infos)
            except ValueError:  # outside what the decoder takes: the generic parse says what is wrong
                typed = False
                columns, index = _conversation_columns(orjson.loads(conv_infos))
        else:
            columns, index = _conversation_columns(conv_infos)
        frame = _frame(columns, CONVERSATION_DTYPES, index, "conversation", typed)
    return _with_json(frame, conv_infos, keep_json)


def conversations_frame_from_columns(conv_columns: Union[str, bytes, typed_json.ConvColumns]) -> pd.DataFrame:
    """The same DataFrame from the local engine's list as columns (timconv_conv_list_columns's
    JSON, or its typed_json.ConvColumns): no object per conversation is made on the way."""
    if not isinstance(conv_columns, typed_json.ConvColumns):
        conv_columns = decode_conv_columns(conv_columns)
    with gc_paused():
        columns, index = _typed_conversation_columns(conv_columns)
        return _frame(columns, CONVERSATION_DTYPES, index, "conversation", typed=True)


def _conversation_columns(infos: list) -> tuple[dict[str, list], list[str]]:
    """The frame's columns of parsed ConvInfo dicts (one comprehension per column: several times
    faster than appending row by row); times as the API gives them (_times applies the rule)."""
    kinds = [PREFIXES[info[k.kTIMConvType]] for info in infos]
    drafts = [info.get(k.kTIMConvDraft) if info.get(k.kTIMConvIsHasDraft) else None for info in infos]
    lasts = [info.get(k.kTIMConvLastMsg) if info.get(k.kTIMConvIsHasLastMsg) else None for info in infos]
    index = [ConvKey.format(info[k.kTIMConvType], info[k.kTIMConvId]) for info in infos]
    columns: dict[str, list] = {
        "conv_id": [info[k.kTIMConvId] for info in infos],
        "conv_type": kinds,
        "show_name": [info.get(k.kTIMConvShowName, "") for info in infos],
        "unread": [info.get(k.kTIMConvUnReadNum, 0) for info in infos],
        "active_time": [info.get(k.kTIMConvActiveTime) for info in infos],
        "pinned": [bool(info.get(k.kTIMConvIsPinned, False)) for info in infos],
        "has_draft": [draft is not None for draft in drafts],
        "draft_text": [message_text(d.get(k.kTIMDraftMsg)) if d else None for d in drafts],
        "draft_user_define": [d.get(k.kTIMDraftUserDefine, "") if d else None for d in drafts],
        "draft_edit_time": [d.get(k.kTIMDraftEditTime) if d else None for d in drafts],
        "last_msg_text": [message_text(m) if m else None for m in lasts],
        "last_msg_sender": [m.get(k.kTIMMsgSender, "") if m else None for m in lasts],
        "last_msg_time": [m.get(k.kTIMMsgServerTime) if m else None for m in lasts],
        "last_msg_revoked": [m.get(k.kTIMMsgStatus) == k.kTIMMsg_Revoked if m else None for m in lasts],
        "recv_opt": [info.get(k.kTIMConvRecvOpt, 0) for info in infos],
        "marks": [_marks_text(info.get(k.kTIMConvMarkArray)) for info in infos],
        "groups": [tuple(g) if (g := info.get(k.kTIMConvConversationGroupArray)) else () for info in infos],
        "custom_data": [info.get(k.kTIMConvCustomData, "") for info in infos],
        "read_time": [info.get(k.kTIMConvC2CReadTimestamp) or None for info in infos],
        "read_seq": [info.get(k.kTIMConvGroupReadSequence) for info in infos],
        "group_at": [_group_at_text(info.get(k.kTIMConvGroupAtInfoArray)) for info in infos],
    }
    return columns, index


def _marks_text(marks: Any) -> str:
    """A conv_mark_array's names, comma-separated (mark names never hold commas; group names
    may, so groups stay tuples)."""
    return ",".join(mark_names(marks)) if marks else ""


def _group_at_text(at_infos: Any) -> str:
    """The @ reminders of the unread group messages (GroupAtInfo dicts): "me", "all" or
    "all_me", comma-separated."""
    return ",".join(GROUP_AT_NAMES[at[k.kTIMGroupAtInfoAtType]] for at in at_infos) if at_infos else ""


def _decoded_conversation_columns(text: Union[str, bytes]) -> tuple[dict[str, list], list[str]]:
    """The frame's columns of a ConvInfo array's JSON text, decoded in C (_conv_columns: the
    values _conversation_columns gives, but for what is finished here: the types' names, the
    marks' and @ reminders' names, and the text of a message other than text elements).
    ValueError when the decoder does not take the text."""
    values, deferred = _conv_columns.decode(text)
    columns = dict(zip(_conv_columns.COLUMNS, values))
    for name, row in deferred:
        columns[name][row] = message_text(columns[name][row])
    kinds = [PREFIXES[t] for t in columns["conv_type"]]
    columns["conv_type"] = kinds
    index = [f"{kind}_{conv_id}" for kind, conv_id in zip(kinds, columns["conv_id"])]
    # The decoder leaves an empty array as "" and a non-empty one as the list.
    columns["marks"] = [m if m.__class__ is str else _marks_text(m) for m in columns["marks"]]
    columns["group_at"] = [a if a.__class__ is str else _group_at_text(a) for a in columns["group_at"]]
    return columns, index


def _texts(messages: list) -> list:
    """message_text of each message (None where there is none), its commonest case (one text
    element) read straight off the Struct."""
    text = k.kTIMElem_Text
    return [None if m is None else
            e.text if (es := m.elems) and len(es) == 1 and (e := es[0]) is not None and e.elem_type == text
            and type(e.text) is str else message_text(m) for m in messages]


def _typed_conversation_columns(c: typed_json.ConvColumns) -> tuple[dict[str, Any], list[str]]:
    """The frame's columns of typed columns (typed_json): the same values _conversation_columns
    gives; times go to the frame as the API gives them (_times applies epoch_seconds' rule).
    Each column is made when _frame asks for it, and each of c's lists is let go once the last
    column made of it is made: listing's peak memory stays near the frame's own size."""

    def take(name: str) -> list:
        values = getattr(c, name)
        setattr(c, name, [])
        return values

    kinds = [PREFIXES[t] for t in c.conv_type]
    index = [f"{kind}_{conv_id}" for kind, conv_id in zip(kinds, c.conv_id)]
    revoked = k.kTIMMsg_Revoked
    columns: dict[str, Any] = {
        "conv_id": lambda: take("conv_id"),
        "conv_type": lambda: kinds,
        "show_name": lambda: take("show_name"),
        "unread": lambda: take("unread"),
        "active_time": lambda: take("active_time"),
        "pinned": lambda: [bool(p) for p in take("pinned")],
        "has_draft": lambda: [d is not None for d in c.draft],
        "draft_text": lambda: _texts([(d.message or _EMPTY_MESSAGE) if d else None for d in c.draft]),
        "draft_user_define": lambda: [d.user_define if d else None for d in c.draft],
        "draft_edit_time": lambda: [d.edit_time if d else None for d in take("draft")],
        "last_msg_text": lambda: _texts(c.last),
        "last_msg_sender": lambda: [m.sender if m else None for m in c.last],
        "last_msg_time": lambda: [m.server_time if m else None for m in c.last],
        "last_msg_revoked": lambda: [m.status == revoked if m else None for m in take("last")],
        "recv_opt": lambda: take("recv_opt"),
        "marks": lambda: [",".join(mark_names(m)) if m else "" for m in take("marks")],
        "groups": lambda: [g or () for g in take("groups")],
        "custom_data": lambda: take("custom_data"),
        "read_time": lambda: [t or None for t in take("read_time")],
        "read_seq": lambda: take("read_seq"),
        "group_at": lambda: [",".join(GROUP_AT_NAMES[at.at_type] for at in a) if a else "" for a in take("group_at")],
    }
    return columns, index


_EMPTY_MESSAGE = typed_json.Message()


def _seconds(when: Any) -> Any:
    return None if when is None else int(when.timestamp())


def groups_frame(base_infos: Union[str, bytes, list], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of the joined groups (GroupBaseInfo objects), oldest membership first."""
    from .membership import JoinedGroup

    groups = [JoinedGroup.from_json(info) for info in _parsed(base_infos)]
    columns = {"name": [g.name for g in groups], "group_type": [g.group_type.label for g in groups],
               "role": [g.role.name.lower() for g in groups],
               "join_time": [_seconds(g.join_time) for g in groups], "unread": [g.unread for g in groups],
               "read_seq": [g.read_seq for g in groups], "latest_seq": [g.latest_seq for g in groups],
               "recv_opt": [g.recv_opt for g in groups]}
    return _with_json(_frame(columns, GROUP_DTYPES, [g.group_id for g in groups], "group_id"), base_infos, keep_json)


def members_frame(result: Union[str, bytes, dict], keep_json: bool = False) -> pd.DataFrame:
    """A DataFrame of a group's members (a GroupGetMemberInfoListResult), oldest member first."""
    from .membership import GroupMember

    data = _parsed(result)
    members = [GroupMember.from_json(m) for m in data.get(k.kTIMGroupGetMemberInfoListResultInfoArray) or ()]
    columns = {"group_id": [m.group_id for m in members], "role": [m.role.name.lower() for m in members],
               "join_time": [_seconds(m.join_time) for m in members]}
    return _with_json(_frame(columns, MEMBER_DTYPES, [m.user_id for m in members], "user_id"), result, keep_json)


def records_frame(records: list) -> pd.DataFrame:
    """A DataFrame of CallRecords (``Recorder.frame()``), indexed by their sequence number."""
    columns: dict[str, list] = {name: [] for name in RECORD_DTYPES}
    for record in records:
        for name in RECORD_DTYPES:
            if name == "outcome":
                columns[name].append(record.outcome)
            elif name == "started":
                columns[name].append(int(record.started * 1e9))
            else:
                columns[name].append(getattr(record, name))
    data = {}
    for name, dtype in RECORD_DTYPES.items():
        if name == "started":
            data[name] = pd.to_datetime(pd.array(columns[name], dtype="Int64"), unit="ns", utc=True)
        else:
            data[name] = pd.array(columns[name], dtype=dtype)
    return pd.DataFrame(data, index=pd.Index([r.seq for r in records], dtype="int64", name="seq"))
