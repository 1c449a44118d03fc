"""The conversation frame's columns, declared once: each column's name, its dtype, and how a
ConvInfo gives its value (the vendor's keys: TIMConversationManager.h, TIMMessageManager.h).

Every way to the frame reads by :data:`COLUMNS`: :mod:`frames` from parsed ConvInfo dicts and
from the local engine's columns, :mod:`typed_json` decodes those columns by it, and the C decoder
of a ConvInfo array's text (``engine/columns/conv_columns.c``) makes the same columns in the same
order, each value as :func:`finish` would (``tests/test_conv_columns.py`` checks it against this
declaration).
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from typing import Any, Callable, Optional

import pandas as pd

from . import wire as k
from .model import GROUP_AT_NAMES, mark_names, message_text
from .wire import PREFIXES

__all__ = ["Column", "Part", "COLUMNS", "BY_NAME", "DRAFT", "LAST_MESSAGE", "PARTS", "REQUIRED",
           "CONVERT_ALL", "TIME", "CONV_TYPE", "finish", "conversation_index"]

#: The dtype of a time column: API seconds as UTC datetimes.
TIME = pd.DatetimeTZDtype(unit="s", tz="UTC")
CONV_TYPE = pd.CategoricalDtype(["c2c", "group"])


class _Marker:
    """A named marker value of the declaration."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: The default of a member every ConvInfo must hold (the frame's index is made of them).
REQUIRED = _Marker("REQUIRED")
#: Column.empty when ``convert`` applies to every value, empty or not.
CONVERT_ALL = _Marker("CONVERT_ALL")


@dataclass(frozen=True)
class Part:
    """A ConvInfo member holding an object that several columns read (the draft, the last
    message), counted only when its flag is set ("conv_is_has_draft": "会话是否有草稿", and
    "conv_is_has_lastmsg"; TIMConversationManager.h 948-955). ``name`` is its attribute in
    typed_json.ConvColumns."""

    name: str
    member: str
    flag: str


DRAFT = Part("draft", k.kTIMConvDraft, k.kTIMConvIsHasDraft)
LAST_MESSAGE = Part("last", k.kTIMConvLastMsg, k.kTIMConvIsHasLastMsg)
PARTS = (DRAFT, LAST_MESSAGE)


@dataclass(frozen=True)
class Column:
    """One column of the conversation frame, and how a ConvInfo gives its value.

    The value is the member ``key`` of the ConvInfo, or of its ``part``, ``default`` when that
    member is absent; then ``convert`` applies (see :func:`finish`). A column of a member of a
    part is None, unconverted, where the part is absent or empty; with ``key`` None the column
    reads the part itself (None where its flag denies it) and converts that. ``raw`` is a
    ConvInfo member's JSON type, as the local engine's columns are decoded (typed_json; a part's
    members are typed there)."""

    name: str
    dtype: Any
    key: Optional[str]
    part: Optional[Part] = None
    default: Any = None
    convert: Optional[Callable[[Any], Any]] = None
    #: What an empty value (None, 0, "", an empty array) gives instead of being converted;
    #: CONVERT_ALL: every value is converted.
    empty: Any = CONVERT_ALL
    raw: Any = None


def _marks_text(marks: Any) -> str:
    """A conv_mark_array's names, comma-separated (mark names never hold commas; group names
    may, so groups stay tuples)."""
    return ",".join(mark_names(marks))


def _group_at_text(at_infos: Any) -> str:
    """The @ reminders of the unread group messages (GroupAtInfo objects): "me", "all" or
    "all_me", comma-separated."""
    return ",".join(GROUP_AT_NAMES[at[k.kTIMGroupAtInfoAtType]] for at in at_infos)


#: The columns of the conversation frame, in its order (docs/api.md, "The conversation DataFrame").
COLUMNS: tuple[Column, ...] = (
    Column("conv_id", "string", k.kTIMConvId, default=REQUIRED, raw=str),
    Column("conv_type", CONV_TYPE, k.kTIMConvType, default=REQUIRED, convert=PREFIXES.__getitem__, raw=int),
    Column("show_name", "string", k.kTIMConvShowName, default="", raw=str),
    Column("unread", "int64", k.kTIMConvUnReadNum, default=0, raw=int),
    Column("active_time", TIME, k.kTIMConvActiveTime, raw=int),
    Column("pinned", "bool", k.kTIMConvIsPinned, default=False, convert=bool, raw=bool),
    Column("has_draft", "bool", None, DRAFT, convert=functools.partial(operator.is_not, None)),
    Column("draft_text", "string", k.kTIMDraftMsg, DRAFT, convert=message_text),
    Column("draft_user_define", "string", k.kTIMDraftUserDefine, DRAFT, default=""),
    Column("draft_edit_time", TIME, k.kTIMDraftEditTime, DRAFT),
    Column("last_msg_text", "string", None, LAST_MESSAGE, convert=message_text, empty=None),
    Column("last_msg_sender", "string", k.kTIMMsgSender, LAST_MESSAGE, default=""),
    Column("last_msg_time", TIME, k.kTIMMsgServerTime, LAST_MESSAGE),
    Column("last_msg_revoked", "boolean", k.kTIMMsgStatus, LAST_MESSAGE,
           convert=functools.partial(operator.eq, k.kTIMMsg_Revoked)),
    Column("recv_opt", "int64", k.kTIMConvRecvOpt, default=0, raw=int),
    Column("marks", "string", k.kTIMConvMarkArray, convert=_marks_text, empty="", raw=tuple),
    Column("groups", "object", k.kTIMConvConversationGroupArray, convert=tuple, empty=(), raw=tuple[str, ...]),
    Column("custom_data", "string", k.kTIMConvCustomData, default="", raw=str),
    Column("read_time", TIME, k.kTIMConvC2CReadTimestamp, empty=None, raw=int),  # 0: nothing read
    Column("read_seq", "Int64", k.kTIMConvGroupReadSequence, raw=int),
    Column("group_at", "string", k.kTIMConvGroupAtInfoArray, convert=_group_at_text, empty="",
           raw=tuple[dict[str, Any], ...]),
    Column("face_url", "string", k.kTIMConvFaceUrl, default="", raw=str),
)

BY_NAME = {column.name: column for column in COLUMNS}


def finish(column: Column, values: list[Any]) -> list[Any]:
    """A column's member values (absent ones already their default) made its values:
    ``convert`` applied to each, or to each that is not empty, an empty one giving ``empty``."""
    convert, empty = column.convert, column.empty
    if empty is CONVERT_ALL:
        return values if convert is None else list(map(convert, values))
    if convert is None:
        return [value if value else empty for value in values]
    return [convert(value) if value else empty for value in values]


def conversation_index(conv_types: list[str], conv_ids: list[str]) -> list[str]:
    """The frame's index, Tencent's conversation ids (``c2c_<id>``, ``group_<id>``), of the
    finished conv_type and conv_id columns."""
    return [f"{kind}_{conv_id}" for kind, conv_id in zip(conv_types, conv_ids)]
