"""Typed decoding of the local engine's conversation columns (timconv_conv_list_columns) for the
conversation frame, by the frame's declaration (:mod:`conversation_columns`): :class:`ConvColumns`
holds one list per ConvInfo member the declaration reads, and msgspec Structs for the draft and
the last message name only the members the frame reads (each by its key in :mod:`wire`, with the
default the declaration gives it), so nothing else is built. (Tencent's library's ConvInfo array
is decoded in C: timconv_nb._conv_columns.)

The Structs answer ``get(key, default)`` like the dicts of a generic parse, so the text of a
message is made by the one :func:`~timconv_nb.model.message_text` either way
(:func:`message_texts` reads its commonest case straight off the Struct). A document whose
members have other types than these raises ``msgspec.ValidationError``. Arrays are decoded as
tuples: an empty one is then Python's one empty tuple, not a new list per conversation.
"""

from __future__ import annotations

import contextlib
import gc
import operator
from collections.abc import Iterator
from types import GenericAlias
from typing import Any, Callable, Optional

import msgspec

from . import wire as k
from .conversation_columns import COLUMNS, DRAFT, LAST_MESSAGE, PARTS, REQUIRED, Column, Part
from .model import message_text

__all__ = ["ConvColumns", "decode_conv_columns", "gc_paused", "DecodeError", "member_reader", "message_texts"]

DecodeError = (msgspec.ValidationError, msgspec.DecodeError)


def _member(key: str, default: Any = None) -> Any:
    return msgspec.field(default=default, name=key)


def _declared(part: Part, key: str) -> Any:
    """The field of a member of ``part`` that the frame's declaration reads, with the default
    it declares (ValueError when it reads no such member)."""
    defaults = [column.default for column in COLUMNS if column.part is part and column.key == key]
    if len(defaults) != 1:
        raise ValueError(f"the conversation frame reads {key!r} of {part.name} {len(defaults)} times, not once")
    return _member(key, defaults[0])


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
    """A last message (or a draft's message): its elements, for its text, and what the last
    message's columns read."""

    elems: Optional[tuple[Optional[Elem], ...]] = _member(k.kTIMMsgElemArray)
    sender: Optional[str] = _declared(LAST_MESSAGE, k.kTIMMsgSender)
    server_time: Optional[int] = _declared(LAST_MESSAGE, k.kTIMMsgServerTime)
    status: Optional[int] = _declared(LAST_MESSAGE, k.kTIMMsgStatus)


class Draft(_Keyed):
    """A draft: what the draft's columns read."""

    message: Optional[Message] = _declared(DRAFT, k.kTIMDraftMsg)
    user_define: Optional[str] = _declared(DRAFT, k.kTIMDraftUserDefine)
    edit_time: Optional[int] = _declared(DRAFT, k.kTIMDraftEditTime)


#: The Struct of each part's object.
_PART_STRUCTS: dict[Part, type[_Keyed]] = {DRAFT: Draft, LAST_MESSAGE: Message}


def _list_of(item_type: Any, nullable: bool) -> Any:
    """The type of a column for msgspec, made at run time from the declaration: a list of
    ``item_type`` (or null, when ``nullable``)."""
    return GenericAlias(list, (Optional.__getitem__(item_type) if nullable else item_type,))


def _column_list(column: Column) -> Any:
    """The type of a ConvInfo member's column: its declared JSON type, or null."""
    return _list_of(column.raw, nullable=column.default is not REQUIRED)


#: The conversation list as columns (the local engine's timconv_conv_list_columns): one list per
#: ConvInfo member the frame reads, with one value per conversation; a part's list holds its
#: Struct, or None for a conversation without one.
ConvColumns: type[msgspec.Struct] = msgspec.defstruct(
    "ConvColumns",
    [(column.name, _column_list(column), msgspec.field(name=column.key)) for column in COLUMNS if column.part is None]
    + [(part.name, _list_of(_PART_STRUCTS[part], nullable=True), msgspec.field(name=part.member)) for part in PARTS],
    module=__name__, gc=False)

# (Struct type, JSON key) -> attribute, for get().
_ATTRIBUTE_OF: dict[tuple[type[_Keyed], str], str] = {
    (cls, field.encode_name): field.name for cls in (Elem, Message, Draft) for field in msgspec.structs.fields(cls)}


def member_reader(column: Column) -> Callable[[Any], Any]:
    """Reads the member a column of a part reads off the part's Struct (the Struct's default
    when absent: the declared one)."""
    assert column.part is not None and column.key is not None  # a column of a part's member
    return operator.attrgetter(_ATTRIBUTE_OF[(_PART_STRUCTS[column.part], column.key)])


def message_texts(messages: list[Optional[Message]]) -> list[Optional[str]]:
    """:func:`~timconv_nb.model.message_text` of each Message Struct (None for None), its
    commonest case (one text element) read straight off the Struct, in one comprehension."""
    text = k.kTIMElem_Text
    return [None if m is None else
            e.text if (es := m.elems) and len(es) == 1 and (e := es[0]) is not None and e.elem_type == text
            and type(e.text) is str else message_text(m) for m in messages]


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


def decode_conv_columns(text: Any) -> msgspec.Struct:
    """The columns of timconv_conv_list_columns's JSON (text, or any buffer over it), typed
    (DecodeError when it does not fit, or when its columns differ in length)."""
    with gc_paused():
        columns = _COLUMNS.decode(text)
    lengths = {len(getattr(columns, field)) for field in columns.__struct_fields__}
    if len(lengths) > 1:
        raise msgspec.ValidationError(f"columns of different lengths: {sorted(lengths)}")
    return columns
