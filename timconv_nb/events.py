"""The SDK's notifications, one table: each row is one global C callback (its setter and type),
the client events it feeds, and how its C arguments become the handlers' arguments.

This is the one Python place a notification is added; the binding registers it and generates its
``extern "Python"`` trampoline from the row, the client routes ``Client.on`` through it. The C
side's one place is the ``TIMCONV_LISTENERS`` X-macro in ``engine/src/notify/listeners.h``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Optional

from . import wire as k
from .membership import GroupTip
from .model import Conversation, ConvEvent, ConvType, Message, RevokedMessage

__all__ = ["Notification", "NOTIFICATIONS", "EVENTS", "BY_SOURCE", "notification_of"]


def _conversations(payload: str) -> list[Conversation]:
    return [Conversation.from_json(info) for info in json.loads(payload)] if payload else []


def _described_filter(payload: str) -> dict:
    """The filter an unread_by_filter event names, as the keyword arguments of subscribe_unread
    (None: the key was left out)."""
    body = json.loads(payload) if payload else {}
    kind = body.get(k.kTIMConversationListFilterConvType, 0)
    return {"conv_type": ConvType(kind) if kind else None,
            "mark": body.get(k.kTIMConversationListFilterMarkType),
            "group": body.get(k.kTIMConversationListFilterConversationGroup)}


@dataclass(frozen=True)
class Notification:
    """One global callback of the C API.

    ``source`` names it in the binding (``NativeLibrary.set_handler``); ``setter`` and
    ``callback_type`` are its C names (``recv_msg`` is added and removed instead of set);
    ``events`` are the client events it feeds; ``event_of`` picks one of them from the C
    arguments (None: the first); ``convert`` turns the C arguments into the handlers' arguments.
    """

    source: str
    setter: str
    callback_type: str
    events: tuple[str, ...]
    convert: Callable[..., tuple]
    event_of: Optional[Callable[..., str]] = None
    remover: Optional[str] = None
    recorded: bool = True


_CONV_EVENT_NAMES = {int(event): event.name.lower() for event in ConvEvent}


def _conv_event_name(event: int, _payload: str) -> str:
    return _CONV_EVENT_NAMES[event]


NOTIFICATIONS: tuple[Notification, ...] = (
    Notification("log", "TIMSetLogCallback", "TIMLogCallback", (), lambda level, text: (level, text), recorded=False),
    Notification("conv_event", "TIMSetConvEventCallback", "TIMConvEventCallback",
                 tuple(e.name.lower() for e in ConvEvent),
                 lambda event, payload: (ConvEvent(event), _conversations(payload)), _conv_event_name),
    Notification("recv_msg", "TIMAddRecvNewMsgCallback", "TIMRecvNewMsgCallback", ("message",),
                 lambda payload: ([Message.from_json(m) for m in json.loads(payload)],),
                 remover="TIMRemoveRecvNewMsgCallback"),
    Notification("total_unread", "TIMSetConvTotalUnreadMessageCountChangedCallback",
                 "TIMConvTotalUnreadMessageCountChangedCallback", ("total_unread",), lambda total: (total,)),
    Notification("unread_by_filter", "TIMSetConvUnreadMessageCountChangedByFilterCallback",
                 "TIMConvTotalUnreadMessageCountChangedByFilterCallback", ("unread_by_filter",),
                 lambda payload, total: (_described_filter(payload), total)),
    Notification("group_created", "TIMSetConvConversationGroupCreatedCallback",
                 "TIMConvConversationGroupCreatedCallback", ("group_created",),
                 lambda name, payload: (name, _conversations(payload))),
    Notification("group_deleted", "TIMSetConvConversationGroupDeletedCallback",
                 "TIMConvConversationGroupDeletedCallback", ("group_deleted",), lambda name: (name,)),
    Notification("group_renamed", "TIMSetConvConversationGroupNameChangedCallback",
                 "TIMConvConversationGroupNameChangedCallback", ("group_renamed",),
                 lambda old_name, new_name: (old_name, new_name)),
    Notification("group_added", "TIMSetConvConversationsAddedToGroupCallback",
                 "TIMConvConversationsAddedToGroupCallback", ("group_added",),
                 lambda name, payload: (name, _conversations(payload))),
    Notification("group_removed", "TIMSetConvConversationsDeletedFromGroupCallback",
                 "TIMConvConversationsDeletedFromGroupCallback", ("group_removed",),
                 lambda name, payload, reason: (name, _conversations(payload), reason)),
    Notification("group_tips", "TIMSetGroupTipsEventCallback", "TIMGroupTipsEventCallback", ("group_tip",),
                 lambda payload: (GroupTip.from_json(json.loads(payload)),)),
    Notification("msg_revoke", "TIMSetMsgRevokeCallback", "TIMMsgRevokeCallback", ("message_revoked",),
                 lambda payload: ([RevokedMessage.from_json(m) for m in json.loads(payload)],)),
    Notification("kicked_offline", "TIMSetKickedOfflineCallback", "TIMKickedOfflineCallback", ("kicked_offline",),
                 lambda: ()),
)

BY_SOURCE: dict[str, Notification] = {n.source: n for n in NOTIFICATIONS}
#: Every event ``Client.on`` accepts, in table order.
EVENTS: tuple[str, ...] = tuple(event for n in NOTIFICATIONS for event in n.events)
_BY_EVENT: dict[str, Notification] = {event: n for n in NOTIFICATIONS for event in n.events}


def notification_of(event: str) -> Notification:
    """The notification feeding a client event."""
    return _BY_EVENT[event]
