"""Typed decoding of the local engine's conversation columns (timconv_conv_list_columns) for the
conversation frame: msgspec Structs that name only the members the frame reads (each by its key
in :mod:`wire`), so nothing else is built. (Tencent's library's ConvInfo array is decoded in C:
timconv_nb._conv_columns.)

The Structs answer ``get(key, default)`` like the dicts of a generic parse, so the text of a
message is made by the one :func:`~timconv_nb.model.message_text` either way. A document whose
members have other types than these raises ``msgspec.ValidationError``. Arrays are decoded as
tuples: an empty one is then Python's one empty tuple, not a new list per conversation.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Any, Iterator, Optional

import msgspec

from . import wire as k

__all__ = ["ConvColumns", "decode_conv_columns", "gc_paused", "DecodeError"]

DecodeError = (msgspec.ValidationError, msgspec.DecodeError)


def _member(key: str, default: Any = None) -> Any:
    return msgspec.field(default=default, name=key)


class _Keyed(msgspec.Struct, gc=False):
    """A Struct read like the dict it stands for: ``get(key, default)`` by the member's JSON
    key (default when the member was absent: UNSET, or a member the Struct does not name).
    Each member's default is the one the frame uses, so the frame reads attributes directly."""

    def get(self, key: str, default: Any = None) -> Any:
        name = _ATTRIBUTE_OF.get((type(self), key))
        value = getattr(self, name) if name else msgspec.UNSET
        return default if value is msgspec.UNSET else value


UNSET = msgspec.UNSET


class Elem(_Keyed):
    """The members of a message element that its text is made of (model._elem_text)."""

    elem_type: Any = _member(k.kTIMElemType, UNSET)
    text: Any = _member(k.kTIMTextElemContent, UNSET)
    tip_type: Any = _member(k.kTIMGroupTipsElemTipType, UNSET)
    join_type: Any = _member(k.kTIMGroupTipsElemJoinType, UNSET)
    tip_op_user: Any = _member(k.kTIMGroupTipsElemOpUser, UNSET)
    tip_users: Any = _member(k.kTIMGroupTipsElemUserArray, UNSET)
    report_type: Any = _member(k.kTIMGroupReportElemReportType, UNSET)
    report_op_user: Any = _member(k.kTIMGroupReportElemOpUser, UNSET)


class Message(_Keyed):
    elems: Optional[tuple[Optional[Elem], ...]] = _member(k.kTIMMsgElemArray)
    sender: Optional[str] = _member(k.kTIMMsgSender, "")
    server_time: Optional[int] = _member(k.kTIMMsgServerTime)
    status: Optional[int] = _member(k.kTIMMsgStatus)


class Draft(_Keyed):
    message: Optional[Message] = _member(k.kTIMDraftMsg)
    user_define: Optional[str] = _member(k.kTIMDraftUserDefine, "")
    edit_time: Optional[int] = _member(k.kTIMDraftEditTime)


class AtInfo(_Keyed):
    at_type: int = _member(k.kTIMGroupAtInfoAtType, 0)


class ConvColumns(msgspec.Struct, gc=False):
    """The conversation list as columns (the local engine's timconv_conv_list_columns): the
    ConvInfo members the frame reads, each a list with one value per conversation."""

    conv_id: list[str] = msgspec.field(name=k.kTIMConvId)
    conv_type: list[int] = msgspec.field(name=k.kTIMConvType)
    show_name: list[Optional[str]] = msgspec.field(name=k.kTIMConvShowName)
    unread: list[Optional[int]] = msgspec.field(name=k.kTIMConvUnReadNum)
    active_time: list[Optional[int]] = msgspec.field(name=k.kTIMConvActiveTime)
    pinned: list[Optional[bool]] = msgspec.field(name=k.kTIMConvIsPinned)
    recv_opt: list[Optional[int]] = msgspec.field(name=k.kTIMConvRecvOpt)
    custom_data: list[Optional[str]] = msgspec.field(name=k.kTIMConvCustomData)
    read_time: list[Optional[int]] = msgspec.field(name=k.kTIMConvC2CReadTimestamp)
    read_seq: list[Optional[int]] = msgspec.field(name=k.kTIMConvGroupReadSequence)
    marks: list[Optional[tuple]] = msgspec.field(name=k.kTIMConvMarkArray)
    groups: list[Optional[tuple[str, ...]]] = msgspec.field(name=k.kTIMConvConversationGroupArray)
    group_at: list[Optional[tuple[AtInfo, ...]]] = msgspec.field(name=k.kTIMConvGroupAtInfoArray)
    draft: list[Optional[Draft]] = msgspec.field(name=k.kTIMConvDraft)  # None: no draft
    last: list[Optional[Message]] = msgspec.field(name=k.kTIMConvLastMsg)  # None: no last message


# (Struct type, JSON key) -> attribute, for get().
_ATTRIBUTE_OF = {(cls, field.encode_name): field.name for cls in (Elem, Message, Draft, AtInfo)
                 for field in msgspec.structs.fields(cls)}

_COLUMNS = msgspec.json.Decoder(ConvColumns)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pauses Python's cyclic garbage collector while a large JSON document becomes a frame: the
    hundreds of thousands of objects made would otherwise trigger full collections that scan them
    all again and again (half a second of a 100,000-conversation listing). Nothing made here
    holds a cycle; the collector runs again as usual afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode_conv_columns(text: Any) -> ConvColumns:
    """The columns of timconv_conv_list_columns's JSON (text, or any buffer over it), typed
    (DecodeError when it does not fit, or when its columns differ in length)."""
    with gc_paused():
        columns = _COLUMNS.decode(text)
    lengths = {len(getattr(columns, field)) for field in columns.__struct_fields__}
    if len(lengths) > 1:
        raise msgspec.ValidationError(f"columns of different lengths: {sorted(lengths)}")
    return columns
