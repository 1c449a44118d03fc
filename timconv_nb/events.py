"""The SDK's notifications, one table: each row is one global C callback (its setter and type),
the client events it feeds, and how its C arguments become the handlers' arguments.

This is the one Python place a notification is added; the binding registers it and generates its
``extern "Python"`` trampoline from the row, the client routes ``Client.on`` through it. The C
side's one place is the ``TIMCONV_LISTENERS`` X-macro in ``engine/src/notify/listeners.h``.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Callable, Optional

from . import wire as k
from .friends import FriendProfile, FriendRequest
from .membership import GroupTip, group_attributes_of
from .model import Conversation, ConvEvent, ConvType, Message, RevokedMessage
from .profiles import UserProfile, UserStatus

__all__ = ["Notification", "NOTIFICATIONS", "EVENTS", "BY_SOURCE", "NetworkStatus", "notification_of", "handler_docs"]


class NetworkStatus(IntEnum):
    """``enum TIMNetworkStatus`` (``TIMManager.h``): the SDK's connection to its server."""

    CONNECTED = 0
    DISCONNECTED = 1
    CONNECTING = 2
    CONNECT_FAILED = 3


def _conversations(payload: str) -> list[Conversation]:
    return [Conversation.from_json(info) for info in json.loads(payload)] if payload else []


def _ids(payload: str) -> list[str]:
    """A JSON array of user ids (or names)."""
    return [str(one) for one in json.loads(payload)] if payload else []


def _friends(payload: str) -> list[FriendProfile]:
    return [FriendProfile.from_json(p) for p in json.loads(payload)] if payload else []


def _described_filter(payload: str) -> dict[str, Any]:
    """The filter an unread_by_filter event names, as the keyword arguments of subscribe_unread
    (None: the key was left out)."""
    body = json.loads(payload) if payload else {}
    kind = body.get(k.kTIMConversationListFilterConvType, 0)
    return {"conv_type": ConvType(kind) if kind else None,
            "mark": body.get(k.kTIMConversationListFilterMarkType),
            "group": body.get(k.kTIMConversationListFilterConversationGroup)}


@dataclass(frozen=True)
class Notification:
    """One global callback of the C API: everything the binding and the client need of it.

    ``source`` names it in the binding (``NativeLibrary.set_handler``; the C row's kind in lower
    case); ``setter`` and ``callback_type`` are its C names; ``events`` are the client events it
    feeds; ``convert`` turns the C arguments into the handlers' arguments; ``doc`` says in one
    line what a handler receives (``"handler(args): ..."``, for :func:`handler_docs`);
    ``event_of`` picks one of the events from the C arguments (None: the first); ``remover`` is
    the C function that removes a handler when the notification keeps a list of them (``setter``
    then adds one; None: ``setter`` with NULL removes it); ``recorded``: whether its calls are SDK
    traffic that a recorder keeps (log lines are not).
    """

    source: str
    setter: str
    callback_type: str
    events: tuple[str, ...]
    convert: Callable[..., tuple[Any, ...]]
    doc: str
    event_of: Optional[Callable[..., str]] = None
    remover: Optional[str] = None
    recorded: bool = True


_CONV_EVENT_NAMES = {int(event): event.name.lower() for event in ConvEvent}


def _conv_event_name(event: int, _payload: str) -> str:
    return _CONV_EVENT_NAMES[event]


NOTIFICATIONS: tuple[Notification, ...] = (
    Notification("log", "TIMSetLogCallback", "TIMLogCallback", (), lambda level, text: (level, text),
                 doc="handler(level, text): a line of the library's log", recorded=False),
    Notification("conv_event", "TIMSetConvEventCallback", "TIMConvEventCallback",
                 tuple(e.name.lower() for e in ConvEvent),
                 lambda event, payload: (ConvEvent(event), _conversations(payload)),
                 doc="handler(event, conversations): the conversations the event changed (an event may also be "
                     "named by its ConvEvent)", event_of=_conv_event_name),
    Notification("recv_msg", "TIMAddRecvNewMsgCallback", "TIMRecvNewMsgCallback", ("message",),
                 lambda payload: ([Message.from_json(m) for m in json.loads(payload)],),
                 doc="handler(messages): new messages for the logged-in user", remover="TIMRemoveRecvNewMsgCallback"),
    Notification("total_unread", "TIMSetConvTotalUnreadMessageCountChangedCallback",
                 "TIMConvTotalUnreadMessageCountChangedCallback", ("total_unread",), lambda total: (total,),
                 doc="handler(total): the unread total, when it changes"),
    Notification("unread_by_filter", "TIMSetConvUnreadMessageCountChangedByFilterCallback",
                 "TIMConvTotalUnreadMessageCountChangedByFilterCallback", ("unread_by_filter",),
                 lambda payload, total: (_described_filter(payload), total),
                 doc="handler(filter, total): when the total of a filter given to :meth:`subscribe_unread` changes "
                     "(filter: dict with conv_type, mark and group)"),
    Notification("group_created", "TIMSetConvConversationGroupCreatedCallback",
                 "TIMConvConversationGroupCreatedCallback", ("group_created",),
                 lambda name, payload: (name, _conversations(payload)),
                 doc="handler(name, conversations): a conversation group was created with these conversations"),
    Notification("group_deleted", "TIMSetConvConversationGroupDeletedCallback",
                 "TIMConvConversationGroupDeletedCallback", ("group_deleted",), lambda name: (name,),
                 doc="handler(name): a conversation group was deleted"),
    Notification("group_renamed", "TIMSetConvConversationGroupNameChangedCallback",
                 "TIMConvConversationGroupNameChangedCallback", ("group_renamed",),
                 lambda old_name, new_name: (old_name, new_name),
                 doc="handler(old_name, new_name): a conversation group was renamed"),
    Notification("group_added", "TIMSetConvConversationsAddedToGroupCallback",
                 "TIMConvConversationsAddedToGroupCallback", ("group_added",),
                 lambda name, payload: (name, _conversations(payload)),
                 doc="handler(name, conversations): conversations were added to a conversation group"),
    Notification("group_removed", "TIMSetConvConversationsDeletedFromGroupCallback",
                 "TIMConvConversationsDeletedFromGroupCallback", ("group_removed",),
                 lambda name, payload, reason: (name, _conversations(payload), reason),
                 doc="handler(name, conversations, reason): conversations were removed from a conversation group "
                     "(reason 0: removed by a call)"),
    Notification("group_tips", "TIMSetGroupTipsEventCallback", "TIMGroupTipsEventCallback", ("group_tip",),
                 lambda payload: (GroupTip.from_json(json.loads(payload)),),
                 doc="handler(tip): a GroupTip, one for each change of a group's members"),
    Notification("msg_revoke", "TIMSetMsgRevokeCallback", "TIMMsgRevokeCallback", ("message_revoked",),
                 lambda payload: ([RevokedMessage.from_json(m) for m in json.loads(payload)],),
                 doc="handler(revoked): RevokedMessages, the messages their senders revoked"),
    Notification("kicked_offline", "TIMSetKickedOfflineCallback", "TIMKickedOfflineCallback", ("kicked_offline",),
                 lambda: (), doc="handler(): the user logged in elsewhere, and was logged out here"),
    Notification("network_status", "TIMSetNetworkStatusListenerCallback", "TIMNetworkStatusListenerCallback",
                 ("network_status",), lambda status, code, desc: (NetworkStatus(status), code, desc),
                 doc="handler(status, code, desc): the connection to the server changed (a NetworkStatus; "
                     "code 0, or why it failed); the local engine connects at TIMInit"),
    Notification("self_info_updated", "TIMSetSelfInfoUpdatedCallback", "TIMSelfInfoUpdatedCallback",
                 ("self_info_updated",), lambda payload: (UserProfile.from_json(json.loads(payload)),),
                 doc="handler(profile): the logged-in user's own UserProfile, after it changed"),
    Notification("user_info_changed", "TIMSetUserInfoChangedCallback", "TIMUserInfoChangedCallback",
                 ("user_info_changed",), lambda payload: ([UserProfile.from_json(p) for p in json.loads(payload)],),
                 doc="handler(profiles): UserProfiles of users subscribed with :meth:`subscribe_user_info` that "
                     "changed"),
    Notification("user_status_changed", "TIMSetUserStatusChangedCallback", "TIMUserStatusChangedCallback",
                 ("user_status_changed",), lambda payload: ([UserStatus.from_json(s) for s in json.loads(payload)],),
                 doc="handler(statuses): UserStatuses that changed: of users followed with "
                     ":meth:`subscribe_user_status`, and one's own custom status"),
    Notification("msg_update", "TIMSetMsgUpdateCallback", "TIMMsgUpdateCallback", ("message_updated",),
                 lambda payload: ([Message.from_json(m) for m in json.loads(payload)],),
                 doc="handler(messages): Messages modified (with :meth:`modify_message`, here or by another user "
                     "holding a copy), as they are now"),
    Notification("friend_added", "TIMSetOnAddFriendCallback", "TIMOnAddFriendCallback", ("friend_added",),
                 lambda payload: (_ids(payload),),
                 doc="handler(user_ids): friends added to the user's list (by any process of the user's, or by "
                     "the friend adding both ways or agreeing)"),
    Notification("friend_deleted", "TIMSetOnDeleteFriendCallback", "TIMOnDeleteFriendCallback", ("friend_deleted",),
                 lambda payload: (_ids(payload),),
                 doc="handler(user_ids): friends gone from the user's list (deleted, or blocked, either side)"),
    Notification("friend_profile_updated", "TIMSetUpdateFriendProfileCallback", "TIMUpdateFriendProfileCallback",
                 ("friend_profile_updated",),
                 lambda payload: ([(u[k.kTIMFriendProfileUpdateIdentifier], u[k.kTIMFriendProfileUpdateItem])
                                   for u in json.loads(payload)],),
                 doc="handler(updates): (user_id, FriendProfileItem dict) pairs: a friend's remark, groups or "
                     "custom fields changed"),
    Notification("friend_request", "TIMSetFriendAddRequestCallback", "TIMFriendAddRequestCallback",
                 ("friend_request",), lambda payload: ([FriendRequest.from_json(r) for r in json.loads(payload)],),
                 doc="handler(requests): FriendRequests someone made to the user, who confirms whom they add"),
    Notification("friend_requests_deleted", "TIMSetFriendApplicationListDeletedCallback",
                 "TIMFriendApplicationListDeletedCallback", ("friend_requests_deleted",),
                 lambda payload: (_ids(payload),),
                 doc="handler(user_ids): friend requests gone: deleted, agreed to, refused (also the asker's, "
                     "when refused)"),
    Notification("friend_requests_read", "TIMSetFriendApplicationListReadCallback",
                 "TIMFriendApplicationListReadCallback", ("friend_requests_read",), lambda: (),
                 doc="handler(): the user read their friend requests (:meth:`report_friend_requests_read`)"),
    Notification("blocked", "TIMSetFriendBlackListAddedCallback", "TIMFriendBlackListAddedCallback", ("blocked",),
                 lambda payload: (_friends(payload),), doc="handler(profiles): FriendProfiles of users blocked"),
    Notification("unblocked", "TIMSetFriendBlackListDeletedCallback", "TIMFriendBlackListDeletedCallback",
                 ("unblocked",), lambda payload: (_ids(payload),), doc="handler(user_ids): users unblocked"),
    Notification("friend_group_created", "TIMSetFriendGroupCreatedCallback", "TIMFriendGroupCreatedCallback",
                 ("friend_group_created",), lambda name, payload: (name, _friends(payload)),
                 doc="handler(name, profiles): a friend group was created with these friends"),
    Notification("friend_group_deleted", "TIMSetFriendGroupDeletedCallback", "TIMFriendGroupDeletedCallback",
                 ("friend_group_deleted",), lambda payload: (_ids(payload),),
                 doc="handler(names): friend groups deleted"),
    Notification("friend_group_renamed", "TIMSetFriendGroupNameChangedCallback", "TIMFriendGroupNameChangedCallback",
                 ("friend_group_renamed",), lambda old_name, new_name: (old_name, new_name),
                 doc="handler(old_name, new_name): a friend group was renamed"),
    Notification("friends_grouped", "TIMSetFriendsAddedToGroupCallback", "TIMFriendsAddedToGroupCallback",
                 ("friends_grouped",), lambda name, payload: (name, _friends(payload)),
                 doc="handler(name, profiles): friends added to a friend group"),
    Notification("friends_ungrouped", "TIMSetFriendsDeletedFromGroupCallback", "TIMFriendsDeletedFromGroupCallback",
                 ("friends_ungrouped",), lambda name, payload: (name, _ids(payload)),
                 doc="handler(name, user_ids): friends taken out of a friend group"),
    Notification("group_attribute_changed", "TIMSetGroupAttributeChangedCallback", "TIMGroupAttributeChangedCallback",
                 ("group_attributes_changed",),
                 lambda group_id, payload: (group_id, group_attributes_of(json.loads(payload or "[]"))),
                 doc="handler(group_id, attributes): a group of the user's had its attributes changed (by any "
                     "member, oneself too): all of them now, {key: value}"),
    Notification("group_counter_changed", "TIMSetGroupCounterChangedCallback", "TIMGroupCounterChangedCallback",
                 ("group_counter_changed",), lambda group_id, key, value: (group_id, key, value),
                 doc="handler(group_id, key, value): a counter of a group of the user's changed (by any member, "
                     "oneself too): its new value"),
)

BY_SOURCE: dict[str, Notification] = {n.source: n for n in NOTIFICATIONS}
#: Every event ``Client.on`` accepts, in table order.
EVENTS: tuple[str, ...] = tuple(event for n in NOTIFICATIONS for event in n.events)
_BY_EVENT: dict[str, Notification] = {event: n for n in NOTIFICATIONS for event in n.events}


def notification_of(event: str) -> Notification:
    """The notification feeding a client event."""
    return _BY_EVENT[event]


def handler_docs() -> str:
    """What a handler of each client event receives, from the rows' ``doc``: the reST bullet list
    of ``Client.on``'s docstring (one bullet per notification with client events)."""
    rows = [n for n in NOTIFICATIONS if n.events]
    bullets = []
    for index, notification in enumerate(rows):
        names = ", ".join(f'``"{event}"``' for event in notification.events)
        signature, _, receives = notification.doc.partition(": ")
        end = "." if index == len(rows) - 1 else ";"
        unbroken = signature.replace(" ", _NO_BREAK)  # a signature stays on one line
        bullet = textwrap.fill(f"* {names}: ``{unbroken}``, {receives}{end}", width=96, subsequent_indent="  ")
        bullets.append(bullet.replace(_NO_BREAK, " "))
    return "\n".join(bullets)


_NO_BREAK = "\0"
