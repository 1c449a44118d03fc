"""Value objects for what the C API returns: conversation types, events, conversations and
drafts, built from the API's JSON (ConvInfo, Draft, Message)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import IntEnum
from typing import Any, Optional, Protocol

from . import wire as k
from .wire import ConvKey, ConvType, JsonObject

__all__ = [
    "ConvType",
    "ConvKey",
    "ConvEvent",
    "LoginStatus",
    "ReceiveOpt",
    "GroupAtType",
    "MarkType",
    "Draft",
    "Conversation",
    "Message",
    "MessageStatus",
    "RevokedMessage",
    "message_text",
    "text_message",
    "epoch_seconds",
    "epoch_to_datetime",
]

#: The vendor SDK marks pinned conversations' ``conv_active_time`` with this bit (a sort key).
VENDOR_PIN_BIT = 1 << 62


class ConvEvent(IntEnum):
    """``enum TIMConvEvent``."""

    ADD = 0
    DEL = 1
    UPDATE = 2
    START = 3
    FINISH = 4


class MarkType(IntEnum):
    """``enum TIMConversationMarkType``: the standard marks (custom marks use other bits)."""

    STAR = 0x1
    UNREAD = 0x1 << 1
    FOLD = 0x1 << 2
    HIDE = 0x1 << 3


_MARK_NAMES = {m.value: m.name.lower() for m in MarkType}


def mark_names(marks: Any) -> tuple[str, ...]:
    """The names of the bits set in a conv_mark_array (``star``, ``unread``, ``fold``, ``hide``,
    and ``custom<n>`` for custom bit n), in bit order, each once."""
    if not marks:
        return ()
    bits = 0
    for value in marks:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            bits |= value
    return tuple(_MARK_NAMES.get(1 << n, f"custom{n}") for n in range(bits.bit_length()) if bits >> n & 1)


class GroupAtType(IntEnum):
    """``enum TIMGroupAtType``: why a group message's @ information concerns the user."""

    AT_ME = 1
    AT_ALL = 2
    AT_ALL_AT_ME = 3


#: How frames and widgets name each at-type.
GROUP_AT_NAMES = {GroupAtType.AT_ME: "me", GroupAtType.AT_ALL: "all", GroupAtType.AT_ALL_AT_ME: "all_me"}


class ReceiveOpt(IntEnum):
    """``enum TIMReceiveMessageOpt``: how the user receives a peer's or a group's messages."""

    RECEIVE = 0                #: received, counted in the total unread
    NOT_RECEIVE = 1            #: never received
    NOT_NOTIFY = 2             #: received, without notifications (not in the total unread)
    NOT_NOTIFY_EXCEPT_AT = 3   #: received, notified only of @ mentions (not in the total unread)


class LoginStatus(IntEnum):
    """``enum TIMLoginStatus``."""

    LOGINED = 1
    LOGINING = 2
    UNLOGINED = 3
    LOGOUTING = 4


#: The last second a datetime (and a pandas Timestamp in seconds) can hold: 9999-12-31.
MAX_EPOCH_SECONDS = 253402300799


def epoch_seconds(value: Any) -> Optional[int]:
    """API seconds as an int for datetimes, with the vendor's pin bit dropped; None when absent
    or beyond year 9999 (the API's uint64 allows more than a datetime holds)."""
    if value is None:
        return None
    seconds = int(value) & (VENDOR_PIN_BIT - 1)
    return seconds if seconds <= MAX_EPOCH_SECONDS else None


def epoch_to_datetime(value: Any) -> Optional[datetime]:
    """UTC datetime for API seconds (see :func:`epoch_seconds`)."""
    seconds = epoch_seconds(value)
    return None if seconds is None else datetime.fromtimestamp(seconds, tz=timezone.utc)


class Keyed(Protocol):
    """A JSON object as the texts below read it: a dict, or a typed_json Struct read like one."""

    def get(self, key: str, default: Any = None, /) -> Any: ...


def describe_tip(elem: Keyed) -> str:
    """A GroupTipsElem in words: "alice added bob, carol", "bob joined", "bob quit"."""
    users = ", ".join(str(u) for u in elem.get(k.kTIMGroupTipsElemUserArray) or ())
    op_user = str(elem.get(k.kTIMGroupTipsElemOpUser, ""))
    tip_type = elem.get(k.kTIMGroupTipsElemTipType)
    if tip_type == 1 and elem.get(k.kTIMGroupTipsElemJoinType) == 2:  # Invite, kTIMGroupJoin_Invite
        return f"{op_user} added {users}"
    if tip_type in (1, 2):  # Invite (joined by themselves), Quit
        return f"{users} {'joined' if tip_type == 1 else 'quit'}"
    if tip_type == 7:  # MemberInfoChange: a mute (GroupTipMemberChangeInfo)
        muted = any(change.get(k.kTIMGroupTipMemberChangeInfoShutupTime)
                    for change in elem.get(k.kTIMGroupTipsElemMemberChangeInfoArray) or ())
        return f"{op_user} {'muted' if muted else 'unmuted'} {users}"
    if tip_type == 8:  # MemberMarkChange (GroupTipMemberMarkChangeInfo)
        changes: Sequence[Any] = elem.get(k.kTIMGroupTipsElemMemberMarkInfoArray) or ({},)
        change = changes[0]
        verb = "marked" if change.get(k.kTIMGroupTipMemberChangeInfoEnableMark) else "unmarked"
        return f"{op_user} {verb} {users} ({change.get(k.kTIMGroupTipMemberMarkChangeInfoMarkType)})"
    what = {3: f"removed {users}", 4: f"made {users} an admin", 5: f"made {users} a member (no admin)"}
    return f"{op_user} {what.get(int(tip_type or 0), 'changed the group')}"


def _elem_text(elem: Keyed) -> str:
    """An element's text: a text element's content; a group tip or report, described."""
    kind = elem.get(k.kTIMElemType)
    if kind == k.kTIMElem_Text:
        return str(elem.get(k.kTIMTextElemContent, ""))
    if kind == k.kTIMElem_GroupTips:
        return f"[{describe_tip(elem)}]"
    if kind == k.kTIMElem_GroupReport and elem.get(k.kTIMGroupReportElemReportType) == k.kTIMGroupReport_Delete:
        return f"[{elem.get(k.kTIMGroupReportElemOpUser, '')} dismissed the group]"
    return ""


def message_text(message: Optional[Keyed]) -> str:
    """The text of a Message: its text elements' contents, joined (a group tip or report is
    described in brackets, as "[bob joined]")."""
    if not message:
        return ""
    elems: Sequence[Any] = message.get(k.kTIMMsgElemArray) or ()
    # An element is a dict, or a typed_json Struct read like one (both have get).
    if len(elems) == 1 and hasattr(elems[0], "get"):  # most messages: one element, no join
        return _elem_text(elems[0])
    return "".join(_elem_text(elem) for elem in elems if hasattr(elem, "get"))


def text_message(text: str) -> JsonObject:
    """A Message holding one text element."""
    return {k.kTIMMsgElemArray: [{k.kTIMElemType: k.kTIMElem_Text, k.kTIMTextElemContent: text}]}


def _row(label: str, value: Any) -> str:
    return f"<tr><th style='text-align:left'>{html.escape(label)}</th><td>{html.escape(str(value))}</td></tr>"


@dataclass(frozen=True)
class Draft:
    """A conversation's draft (Draft JSON)."""

    text: str
    user_define: str
    edit_time: Optional[datetime]
    message: JsonObject
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> Draft:
        message = data.get(k.kTIMDraftMsg) or {}
        return cls(
            text=message_text(message),
            user_define=str(data.get(k.kTIMDraftUserDefine, "")),
            edit_time=epoch_to_datetime(data.get(k.kTIMDraftEditTime)),
            message=message,
            raw=data,
        )


@dataclass(frozen=True)
class Conversation:
    """One conversation (ConvInfo JSON). ``raw`` keeps the JSON as the SDK returned it."""

    conv_id: str
    conv_type: ConvType
    show_name: str
    owner: str
    unread: int
    active_time: Optional[datetime]
    pinned: bool
    recv_opt: int
    draft: Optional[Draft]
    last_message: Optional[JsonObject]
    marks: tuple[str, ...]
    groups: tuple[str, ...]
    custom_data: str
    read_time: Optional[datetime]  # C2C: the server time of the last message read (None: none, or a group)
    read_seq: Optional[int]  # group: the seq of the last message read (None for C2C)
    group_at: tuple[tuple[int, GroupAtType], ...]  # group: (seq, why) of each unread message mentioning the user
    face_url: str  # the group's face, or the C2C peer's (TIMConversationManager.h 944)
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> Conversation:
        draft = data.get(k.kTIMConvDraft)
        return cls(
            conv_id=str(data[k.kTIMConvId]),
            conv_type=ConvType(data[k.kTIMConvType]),
            show_name=str(data.get(k.kTIMConvShowName, "")),
            owner=str(data.get(k.kTIMConvOwner, "")),
            unread=int(data.get(k.kTIMConvUnReadNum, 0)),
            active_time=epoch_to_datetime(data.get(k.kTIMConvActiveTime)),
            pinned=bool(data.get(k.kTIMConvIsPinned, False)),
            recv_opt=int(data.get(k.kTIMConvRecvOpt, 0)),
            draft=Draft.from_json(draft) if data.get(k.kTIMConvIsHasDraft) and draft else None,
            last_message=data.get(k.kTIMConvLastMsg) if data.get(k.kTIMConvIsHasLastMsg) else None,
            marks=mark_names(data.get(k.kTIMConvMarkArray)),
            groups=tuple(str(g) for g in data.get(k.kTIMConvConversationGroupArray) or ()),
            custom_data=str(data.get(k.kTIMConvCustomData, "")),
            read_time=epoch_to_datetime(data.get(k.kTIMConvC2CReadTimestamp) or None),
            read_seq=data.get(k.kTIMConvGroupReadSequence),
            group_at=tuple((int(at[k.kTIMGroupAtInfoSeq]), GroupAtType(at[k.kTIMGroupAtInfoAtType]))
                           for at in data.get(k.kTIMConvGroupAtInfoArray) or ()),
            face_url=str(data.get(k.kTIMConvFaceUrl, "")),
            raw=data,
        )

    @property
    def key(self) -> str:
        """Tencent's conversation id: ``c2c_<id>`` or ``group_<id>``."""
        return str(ConvKey(self.conv_type, self.conv_id))

    @property
    def last_message_text(self) -> str:
        return message_text(self.last_message)

    def _facts(self) -> list[tuple[str, Any]]:
        active = self.active_time.isoformat() if self.active_time else None
        facts = [
            ("id", self.key),
            ("show_name", self.show_name),
            ("unread", self.unread),
            ("active_time", active),
            ("pinned", self.pinned),
        ]
        if self.draft is not None:
            facts.append(("draft", self.draft.text))
        if self.last_message is not None:
            facts.append(("last_message", self.last_message_text))
        for label in ("marks", "groups", "custom_data"):
            if getattr(self, label):
                facts.append((label, getattr(self, label)))
        return facts

    def __repr__(self) -> str:
        return "Conversation(" + ", ".join(f"{label}={value!r}" for label, value in self._facts()) + ")"

    def _repr_html_(self) -> str:
        rows = "".join(_row(label, value) for label, value in self._facts())
        return f"<table class='tc-conversation'>{rows}</table>"


class MessageStatus(IntEnum):
    """``enum TIMMsgStatus``."""

    SENDING = 1
    SEND_SUCC = 2
    SEND_FAIL = 3
    DELETED = 4
    LOCAL_IMPORTED = 5
    REVOKED = 6
    CANCEL = 7


@dataclass(frozen=True)
class Message:
    """One message (Message JSON). ``raw`` keeps the JSON as the SDK returned it."""

    msg_id: str
    conv_id: str
    conv_type: ConvType
    sender: str
    text: str
    seq: int
    server_time: Optional[datetime]
    is_from_self: bool
    is_read: bool
    status: int
    revoker: str  # who revoked it ("" unless revoked)
    raw: JsonObject = field(repr=False, compare=False)

    @property
    def revoked(self) -> bool:
        return self.status == MessageStatus.REVOKED

    @classmethod
    def from_json(cls, data: JsonObject) -> Message:
        return cls(
            msg_id=str(data.get(k.kTIMMsgMsgId, "")),
            conv_id=str(data.get(k.kTIMMsgConvId, "")),
            conv_type=ConvType(data.get(k.kTIMMsgConvType, 1)),
            sender=str(data.get(k.kTIMMsgSender, "")),
            text=message_text(data),
            seq=int(data.get(k.kTIMMsgSeq, 0)),
            server_time=epoch_to_datetime(data.get(k.kTIMMsgServerTime)),
            is_from_self=bool(data.get(k.kTIMMsgIsFormSelf, False)),
            is_read=bool(data.get(k.kTIMMsgIsRead, False)),
            status=int(data.get(k.kTIMMsgStatus, MessageStatus.SEND_SUCC)),
            revoker=str(data.get(k.kTIMMsgRevokerUserId, "")),
            raw=data,
        )

    def _facts(self) -> list[tuple[str, Any]]:
        when = self.server_time.isoformat() if self.server_time else None
        facts = [("sender", self.sender), ("text", self.text), ("seq", self.seq), ("server_time", when),
                 ("is_read", self.is_read)]
        return facts + [("revoked_by", self.revoker)] if self.revoked else facts

    def __repr__(self) -> str:
        return "Message(" + ", ".join(f"{label}={value!r}" for label, value in self._facts()) + ")"

    def _repr_html_(self) -> str:
        rows = "".join(_row(label, value) for label, value in self._facts())
        return f"<table class='tc-message'>{rows}</table>"


@dataclass(frozen=True)
class RevokedMessage:
    """A received message its sender (or a group's owner or admin) revoked: the MsgLocator of the
    revoke callback (TIMMessageManager.h 2.5)."""

    conv_id: str
    conv_type: ConvType
    seq: int
    server_time: Optional[datetime]
    rand: int
    unique_id: int
    revoker: str
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> RevokedMessage:
        return cls(
            conv_id=str(data.get(k.kTIMMsgLocatorConvId, "")),
            conv_type=ConvType(data.get(k.kTIMMsgLocatorConvType, 1)),
            seq=int(data.get(k.kTIMMsgLocatorSeq, 0)),
            server_time=epoch_to_datetime(data.get(k.kTIMMsgLocatorTime)),
            rand=int(data.get(k.kTIMMsgLocatorRand, 0)),
            unique_id=int(data.get(k.kTIMMsgLocatorUniqueId, 0)),
            revoker=str(data.get(k.kTIMMsgRevokerUserId, "")),
            raw=data,
        )

    @property
    def key(self) -> str:
        """The conversation's key (``c2c_<id>`` / ``group_<id>``)."""
        return str(ConvKey(self.conv_type, self.conv_id))
