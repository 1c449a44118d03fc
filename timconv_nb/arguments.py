"""Argument checks and builders: Python values in, the C arguments (bytes, ints, JSON text) out.

The vendor's limits are one table here. Each check raises TypeError or ValueError naming the
argument and what was wrong, before anything reaches C. The JSON keys come from
:mod:`timconv_nb.wire`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, Optional, Union

from . import wire as k
from .checks import check_int, is_int, is_number
from .model import text_message
from .wire import ConvKey, ConvType, JsonObject

__all__ = ["ConvTypeLike", "check_id", "check_int", "check_text", "epoch_arg", "check_message", "check_timeout",
           "conv_key", "conv_group_name", "keys_param", "filter_param", "ID_MAX_BYTES", "GROUP_ID_MAX_BYTES",
           "CONV_GROUP_NAME_MAX_BYTES", "CONV_CUSTOM_DATA_MAX_BYTES", "CONV_BATCH_MAX", "GROUP_INITIAL_MEMBERS_MAX",
           "MSG_LIST_DELETE_MAX", "GROUP_NAME_MAX_BYTES", "GROUP_INTRODUCTION_MAX_BYTES",
           "GROUP_NOTIFICATION_MAX_BYTES", "GROUP_FACE_URL_MAX_BYTES", "GROUP_NAME_CARD_MAX_BYTES"]

ConvTypeLike = Union[ConvType, int, str]

# ---- the vendor's limits: the one table of them, for the checks below and the widgets ----
# Each is named by what it limits, in the vendor's words (Conv: the conversation API, Group: the
# group API, Msg: the message API), and cites the header that says so. The engine enforces the
# same numbers in C (tests/test_limits.py holds the two sides together).

#: A user id or conversation id: 1 to 127 bytes of UTF-8, so that it fits the API's 128-byte
#: buffers with its NUL (the engine's TEXT_ID_MAX, engine/src/util/text.h).
ID_MAX_BYTES = 127
#: A group id: 1 to 48 bytes of UTF-8 (the server's rule; the headers give no number: the engine's
#: REGISTRY_GROUP_ID_MAX, docs/engine.md "group ids").
GROUP_ID_MAX_BYTES = 48
#: A conversation group's name: "分组名（必填参数，长度要 > 0，最大支持 32 bytes）"
#: (TIMConversationManager.h:769, TIMConvCreateConversationGroup's group_name).
CONV_GROUP_NAME_MAX_BYTES = 32
#: A conversation's custom data: "自定义数据，最大支持 256 bytes" (TIMConversationManager.h:563).
CONV_CUSTOM_DATA_MAX_BYTES = 256
#: Conversations per batch call: "每次最多支持删除 100 个会话" (TIMConversationManager.h:486).
CONV_BATCH_MAX = 100
#: A new group's initial members: "成员个数不能超过 20" (TIMGroupManager.h:1558).
GROUP_INITIAL_MEMBERS_MAX = 20
#: Messages per TIMMsgListDelete: "一次最多只能删除 50 条消息" (TIMMessageManager.h:1332).
MSG_LIST_DELETE_MAX = 50
#: A group's name: "群名称最长30字节" (TIMErrorCode.h:87, ERR_SDK_GROUP_INVALID_NAME).
GROUP_NAME_MAX_BYTES = 30
#: A group's introduction: "群简介最长240字节" (TIMErrorCode.h:88, ERR_SDK_GROUP_INVALID_INTRODUCTION).
GROUP_INTRODUCTION_MAX_BYTES = 240
#: A group's notification: "群公告最长300字节" (TIMErrorCode.h:89, ERR_SDK_GROUP_INVALID_NOTIFICATION).
GROUP_NOTIFICATION_MAX_BYTES = 300
#: A group's face URL: "群头像 URL 最长100字节" (TIMErrorCode.h:90, ERR_SDK_GROUP_INVALID_FACE_URL).
GROUP_FACE_URL_MAX_BYTES = 100
#: A member's name card: "群名片最长50字节" (TIMErrorCode.h:91, ERR_SDK_GROUP_INVALID_NAME_CARD).
GROUP_NAME_CARD_MAX_BYTES = 50
#: A member mark: "大于等于 1000" (TIMGroupManager.h:1299).
GROUP_MARK_TYPE_MIN = 1000


def check_id(value: Any, what: str, max_bytes: int = ID_MAX_BYTES) -> bytes:
    """A user, conversation or group id (or a name the vendor limits the same way, in
    ``max_bytes``) as the bytes C expects, or TypeError/ValueError saying why not."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{what} must not contain NUL characters: {value!r}")
    try:
        encoded = value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{what} is not valid Unicode text: {exc}") from None
    if not 1 <= len(encoded) <= max_bytes:
        raise ValueError(f"{what} must be 1 to {max_bytes} bytes of UTF-8, not {len(encoded)}: {value!r}")
    return encoded


def check_text(value: Any, what: str) -> str:
    """Text without NUL characters (C strings end at the first)."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{what} must not contain NUL characters")
    return value


def bounded_text(value: Any, what: str, max_bytes: int) -> str:
    """Text without NUL characters of at most ``max_bytes`` bytes of UTF-8 ("" allowed)."""
    text = check_text(value, what)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise ValueError(f"{what} must be at most {max_bytes} bytes of UTF-8, not {size}")
    return text


def epoch_arg(value: Union[None, int, float, datetime], what: str) -> Optional[int]:
    """Seconds since the epoch from a timezone-aware datetime or a number (None stays None)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{what} must be timezone-aware (e.g. datetime.now(timezone.utc))")
        value = value.timestamp()
    if not is_number(value):
        raise TypeError(f"{what} must be a datetime or seconds since the epoch, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{what} must not be before 1970")
    return int(value)


def check_message(message: Any, what: str = "a message") -> JsonObject:
    """A Message dict: an object with a list of element objects, each with an int elem_type."""
    if not isinstance(message, dict):
        raise TypeError(f"{what} must be a dict, not {type(message).__name__}")
    elems = message.get(k.kTIMMsgElemArray)
    if not isinstance(elems, list):
        raise ValueError(f"{what} needs a {k.kTIMMsgElemArray!r} list")
    for elem in elems:
        kind = elem.get(k.kTIMElemType) if isinstance(elem, dict) else None
        if not is_int(kind):
            raise ValueError(f"each element of {k.kTIMMsgElemArray!r} needs an int {k.kTIMElemType!r}: {elem!r}")
    return message


def check_timeout(timeout: Any) -> float:
    """A positive number of seconds."""
    if not is_number(timeout) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    return float(timeout)


def json_arg(body: Any) -> bytes:
    """A JSON argument as C takes it."""
    return json.dumps(body, ensure_ascii=False).encode()


# ---- the arguments of the calls (see Client) ----

def conv_key(conv_id: str, conv_type: ConvTypeLike) -> tuple[bytes, ConvType]:
    """(conv_id, conv_type) as C takes them."""
    return check_id(conv_id, "conv_id"), ConvType.parse(conv_type)


def conv_group_name(name: Any) -> bytes:
    """A conversation group's name: 1 to 32 bytes of UTF-8."""
    return check_id(name, "a conversation group name", CONV_GROUP_NAME_MAX_BYTES)


def keys_param(keys: Any) -> bytes:
    """A JSON array of up to 100 conversation keys like ``c2c_bob``."""
    if isinstance(keys, (str, bytes)):
        raise TypeError("keys must be a list of conversation ids like 'c2c_bob', not a single string")
    keys = [str(key) if isinstance(key, ConvKey) else key for key in keys]
    for key in keys:
        check_id(key, "conversation id")
    if len(keys) > CONV_BATCH_MAX:
        raise ValueError(f"at most {CONV_BATCH_MAX} conversations per call, not {len(keys)}")
    return json_arg(keys)


def id_list(ids: Iterable[Any]) -> list[Any]:
    """A list of ids given as any iterable but a single string."""
    if isinstance(ids, (str, bytes)):
        raise TypeError("give a list of ids, not a single string")
    return list(ids)


def ids_param(ids: Any, what: str) -> bytes:
    """A JSON array of user (or group) ids."""
    ids = id_list(ids)
    if not ids:
        raise ValueError(f"give at least one {what}")
    for one in ids:
        check_id(one, what)
    return json_arg(ids)


def receive_opt(option: Any) -> int:
    """A TIMReceiveMessageOpt: 0 to 3 (``ReceiveOpt``)."""
    return int(check_int(option, "option", 0, 3, "a ReceiveOpt (0 to 3)"))


def filter_param(conv_type: Optional[ConvTypeLike], has_unread: Optional[bool], mark: Optional[int],
                 group: Optional[str]) -> bytes:
    """A ConversationListFilter. As the vendor documents, None (the key left out) means "any";
    a value means what it says: ``has_unread=False`` the conversations without unread messages,
    ``mark=0`` those without marks, ``group=""`` those in no conversation group."""
    body: dict[str, Any] = {}
    if conv_type is not None:
        body[k.kTIMConversationListFilterConvType] = int(ConvType.parse(conv_type))
    if has_unread is not None:
        if not isinstance(has_unread, bool):
            raise TypeError(f"has_unread must be True, False or None, not {has_unread!r}")
        body[k.kTIMConversationListFilterHasUnreadCount] = has_unread
    if mark is not None:
        body[k.kTIMConversationListFilterMarkType] = 0 if mark == 0 else mark_bit(mark)
    if group is not None:
        body[k.kTIMConversationListFilterConversationGroup] = check_text(group, "group")
    return json_arg(body)


def info_param(conv_id: str, conv_type: ConvTypeLike) -> bytes:
    """A GetConversationListParam array naming one conversation."""
    key, kind = conv_key(conv_id, conv_type)
    return json_arg([{k.kTIMGetConversationListParamConvId: key.decode(),
                      k.kTIMGetConversationListParamConvType: int(kind)}])


def draft_param(draft: Union[str, JsonObject], user_define: str, edit_time: Union[None, int, float, datetime]) -> bytes:
    """A Draft: plain text or a Message dict, its user-define, its edit time (absent: now)."""
    message = (text_message(check_text(draft, "draft")) if isinstance(draft, str)
               else check_message(draft, "a draft message"))
    body: dict[str, Any] = {k.kTIMDraftMsg: message, k.kTIMDraftUserDefine: check_text(user_define, "user_define")}
    seconds = epoch_arg(edit_time, "edit_time")
    if seconds is not None:
        body[k.kTIMDraftEditTime] = seconds
    return json_arg(body)


def message_key(message: Any) -> JsonObject:
    """Where a page of history starts: a Message (or its JSON, or a row of a messages frame as
    ``frame.iloc[i]``, whose index is the message id) reduced to its id, seq and server time."""
    raw = getattr(message, "raw", message)
    if not isinstance(raw, dict) and hasattr(raw, "name") and hasattr(raw, "get"):  # a frame row (a Series)
        when = raw.get("server_time")
        raw = {k.kTIMMsgMsgId: str(raw.name), k.kTIMMsgSeq: int(raw.get("seq", 0)),
               k.kTIMMsgServerTime: int(when.timestamp()) if when is not None and when == when else 0}
    if not isinstance(raw, dict) or not isinstance(raw.get(k.kTIMMsgMsgId), str):
        raise ValueError("start a page from a Message (or its JSON, or a messages frame row) with a message_msg_id")
    return {key: raw[key] for key in (k.kTIMMsgMsgId, k.kTIMMsgSeq, k.kTIMMsgServerTime) if key in raw}


def msg_list_param(count: int, *, start: Any = None, newer: bool = False, from_seq: Optional[int] = None,
                   since: Union[None, int, float, datetime] = None, period: Union[None, int, float, timedelta] = None,
                   seqs: Optional[Iterable[int]] = None, types: Optional[Iterable[int]] = None) -> bytes:
    """A MsgGetMsgListParam (TIMMessageManager.h 2439-2457): ``count`` messages older (or with
    ``newer``, newer) than message ``start``, or from a group's seq ``from_seq`` (included), or from
    time ``since``, within ``period`` (seconds or a timedelta) of it; a group's ``seqs``; the
    messages whose first element has one of the TIMElemType ``types``."""
    body: dict[str, Any] = {k.kTIMMsgGetMsgListParamCount: check_int(count, "count", 1, 1_000_000),
                            k.kTIMMsgGetMsgListParamIsForward: bool(newer)}
    if start is not None:
        body[k.kTIMMsgGetMsgListParamLastMsg] = message_key(start)
    if from_seq is not None:
        body[k.kTIMMsgGetMsgListParamLastMsgSeq] = sequence(from_seq)
    if since is not None:
        body[k.kTIMMsgGetMsgListParamTimeBegin] = epoch_arg(since, "since")
    if period is not None:
        body[k.kTIMMsgGetMsgListParamTimePeriod] = seconds_arg(period, "period")
    if seqs is not None:
        body[k.kTIMMsgGetMsgListParamMessageSeqArray] = [sequence(seq) for seq in seqs]
    if types is not None:
        body[k.kTIMMsgGetMsgListMessageTypeArray] = [check_int(t, "element type", 0, 2**31 - 1) for t in types]
    return json_arg(body)


def message_ids_param(msg_ids: Any) -> bytes:
    """A JSON array of message ids (strings; a Message, its JSON or a frame index give theirs)."""
    ids = []
    for item in id_list(msg_ids):
        raw = getattr(item, "raw", item)
        ident = raw.get(k.kTIMMsgMsgId) if isinstance(raw, dict) else raw
        ids.append(check_text(ident, "message id"))
    return json_arg(ids)


def locators_param(locators: Any) -> bytes:
    """A MsgLocator array (TIMMessageManager.h 8.2): RevokedMessages (the revoke event's) or their JSON."""
    items = [getattr(item, "raw", item) for item in id_list(locators)]
    for item in items:
        if not isinstance(item, dict):
            raise TypeError(f"a locator must be a RevokedMessage or a MsgLocator dict, not {type(item).__name__}")
    return json_arg(items)


#: TIMMessageManager.h 2480: at most 5 keywords a search.
MSG_SEARCH_KEYWORDS_MAX = 5


def search_param(keywords: Iterable[str], *, match_all: bool, senders: Optional[Iterable[str]],
                 types: Optional[Iterable[int]], conv: Optional[tuple[bytes, ConvType]],
                 since: Union[None, int, float, datetime], period: Union[None, int, float, timedelta],
                 page: int, page_size: int) -> bytes:
    """A MessageSearchParam (TIMMessageManager.h 2479-2499): up to 5 keywords, all or any of them,
    senders, element types, one conversation (None: all), back from ``since`` (None: now) over
    ``period`` seconds (None: no limit), page ``page`` of ``page_size`` (0: every match)."""
    words = [check_text(word, "keyword") for word in id_list(keywords)]
    if len(words) > MSG_SEARCH_KEYWORDS_MAX:
        raise ValueError(f"at most {MSG_SEARCH_KEYWORDS_MAX} keywords, not {len(words)}")
    body: dict[str, Any] = {k.kTIMMsgSearchParamKeywordArray: words,
                            k.kTIMMsgSearchParamKeywordListMatchType: 1 if match_all else 0,
                            k.kTIMMsgSearchParamPageIndex: check_int(page, "page", 0, 2**32 - 1),
                            k.kTIMMsgSearchParamPageSize: check_int(page_size, "page_size", 0, 2**32 - 1)}
    if senders is not None:
        body[k.kTIMMsgSearchParamSenderIdentifierArray] = [check_id(user, "sender").decode()
                                                            for user in id_list(senders)]
    if not words and not body.get(k.kTIMMsgSearchParamSenderIdentifierArray):
        raise ValueError("give keywords or senders to search by")
    if types is not None:
        body[k.kTIMMsgSearchParamMessageTypeArray] = [check_int(t, "element type", 0, 2**31 - 1) for t in types]
    if conv is not None:
        body[k.kTIMMsgSearchParamConvId], body[k.kTIMMsgSearchParamConvType] = conv[0].decode(), int(conv[1])
    if since is not None:
        body[k.kTIMMsgSearchParamSearchTimePosition] = epoch_arg(since, "since")
    if period is not None:
        body[k.kTIMMsgSearchParamSearchTimePeriod] = seconds_arg(period, "period")
    return json_arg(body)


def seconds_arg(value: Union[int, float, timedelta], what: str) -> int:
    """A duration in whole seconds (an int or float >= 0, or a timedelta)."""
    seconds = value.total_seconds() if isinstance(value, timedelta) else value
    if is_number(seconds):
        seconds = int(seconds)
    return check_int(seconds, what, 0, 2**63 - 1, "seconds (an int >= 0) or a timedelta")


def mark_bit(mark: Any) -> int:
    """Conversation marks: a positive int of up to 64 bits, each bit a mark (``MarkType`` or an
    extension bit 32 to 63, as the vendor allows)."""
    return check_int(mark, "mark", 1, 2**64 - 1, "a positive int of up to 64 bits (each bit a mark)")


def custom_data(data: str) -> bytes:
    """conv_custom_data: at most 256 bytes of UTF-8."""
    encoded = check_text(data, "custom data").encode("utf-8")
    if len(encoded) > CONV_CUSTOM_DATA_MAX_BYTES:
        raise ValueError(f"custom data is at most {CONV_CUSTOM_DATA_MAX_BYTES} bytes of UTF-8, not {len(encoded)}")
    return encoded


def clean_target(conversation: str) -> bytes:
    """What TIMConvCleanConversationUnreadMessageCount cleans: a key, ``c2c``, ``group`` or ``""``."""
    if conversation not in ("", "c2c", "group"):
        check_id(conversation, "conversation")
        try:
            ConvKey.parse(conversation)
        except ValueError:
            raise ValueError(f"conversation must be 'c2c_<id>', 'group_<id>', 'c2c', 'group' or '', "
                             f"not {conversation!r}") from None
    return conversation.encode("utf-8")


def sequence(value: Any) -> int:
    """A message seq (an int >= 0)."""
    return check_int(value, "sequence", 0, 2**64 - 1, "a message seq (an int >= 0)")


# ---- groups and message lifecycle ----

def group_id(value: Any) -> bytes:
    """A group id: 1 to 48 bytes of UTF-8."""
    return check_id(value, "group_id", GROUP_ID_MAX_BYTES)


def modify_group_info_param(group_id_value: Any, name: Optional[str], notification: Optional[str],
                            introduction: Optional[str], face_url: Optional[str], add_option: Optional[int],
                            approve_option: Optional[int], max_members: Optional[int], mute_all: Optional[bool],
                            owner: Optional[str]) -> bytes:
    """A GroupModifyInfoParam (TIMGroupManager.h 10.10): the values given (None: unchanged), the
    modify flag naming each. The owner is changed alone (TIMGroupManager.h 1716)."""
    from .membership import GroupAddOption, GroupModifyFlag

    param: dict[str, Any] = {k.kTIMGroupModifyInfoParamGroupId: group_id(group_id_value).decode()}
    flag = GroupModifyFlag(0)
    texts = ((name, GroupModifyFlag.NAME, k.kTIMGroupModifyInfoParamGroupName, GROUP_NAME_MAX_BYTES),
             (notification, GroupModifyFlag.NOTIFICATION, k.kTIMGroupModifyInfoParamNotification,
              GROUP_NOTIFICATION_MAX_BYTES),
             (introduction, GroupModifyFlag.INTRODUCTION, k.kTIMGroupModifyInfoParamIntroduction,
              GROUP_INTRODUCTION_MAX_BYTES),
             (face_url, GroupModifyFlag.FACE_URL, k.kTIMGroupModifyInfoParamFaceUrl, GROUP_FACE_URL_MAX_BYTES))
    for text, bit, key, limit in texts:
        if text is not None:
            param[key], flag = bounded_text(text, key, limit), flag | bit
    if name is not None:
        check_id(name, "name", GROUP_NAME_MAX_BYTES)
    for value, bit, key in ((add_option, GroupModifyFlag.ADD_OPTION, k.kTIMGroupModifyInfoParamAddOption),
                            (approve_option, GroupModifyFlag.APPROVE_OPTION, k.kTIMGroupModifyInfoParamApproveOption)):
        if value is not None:
            param[key], flag = int(GroupAddOption(check_int(value, key, 0, 2))), flag | bit
    if max_members is not None:
        param[k.kTIMGroupModifyInfoParamMaxMemberNum] = check_int(max_members, "max_members", 1, 2**31 - 1)
        flag |= GroupModifyFlag.MAX_MEMBER_NUM
    if mute_all is not None:
        if not isinstance(mute_all, bool):
            raise TypeError(f"mute_all must be a bool, not {type(mute_all).__name__}")
        param[k.kTIMGroupModifyInfoParamIsShutupAll], flag = mute_all, flag | GroupModifyFlag.SHUTUP_ALL
    if owner is not None:
        if flag:
            raise ValueError("a new owner is given alone: the transfer changes nothing else (TIMGroupManager.h 1716)")
        param[k.kTIMGroupModifyInfoParamOwner], flag = check_id(owner, "owner").decode(), GroupModifyFlag.OWNER
    if not flag:
        raise ValueError("give at least one thing to change")
    # The vendor's flag is a C int: OWNER (1 << 31) is negative there (TIMGroupManager.h 652).
    param[k.kTIMGroupModifyInfoParamModifyFlag] = int(flag) - (1 << 32) if flag & GroupModifyFlag.OWNER else int(flag)
    return json_arg(param)


def member_users_param(group_id_key: str, users_key: str, group_id_value: Any, user_ids: Any) -> bytes:
    """A GroupInviteMemberParam or GroupDeleteMemberParam: the group and 1 to 20 user ids
    (TIMGroupManager.h 1222: "后台限制单次邀请的群成员个数不能超过 20")."""
    users = [check_id(user, "user id").decode() for user in id_list(user_ids)]
    if not 1 <= len(users) <= GROUP_INITIAL_MEMBERS_MAX:
        raise ValueError(f"give 1 to {GROUP_INITIAL_MEMBERS_MAX} user ids, not {len(users)}")
    return json_arg({group_id_key: group_id(group_id_value).decode(), users_key: users})


def modify_member_param(group_id_value: Any, user_id: Any, role: Optional[int], mute_seconds: Optional[int],
                        name_card: Optional[str]) -> bytes:
    """A GroupModifyMemberInfoParam (TIMGroupManager.h 12.7): what is given (None: unchanged), the
    modify flag naming each."""
    from .membership import MemberModifyFlag, MemberRole

    param: dict[str, Any] = {k.kTIMGroupModifyMemberInfoParamGroupId: group_id(group_id_value).decode(),
                             k.kTIMGroupModifyMemberInfoParamIdentifier: check_id(user_id, "user_id").decode()}
    flag = MemberModifyFlag(0)
    if role is not None:
        if MemberRole(check_int(role, "role", 0, 400)) not in (MemberRole.NORMAL, MemberRole.ADMIN):
            raise ValueError("a member's role becomes NORMAL or ADMIN (the owner: modify_group_info(owner=...))")
        param[k.kTIMGroupModifyMemberInfoParamMemberRole], flag = int(role), flag | MemberModifyFlag.MEMBER_ROLE
    if mute_seconds is not None:
        param[k.kTIMGroupModifyMemberInfoParamShutupTime] = check_int(mute_seconds, "mute_seconds", 0, 2**32 - 1)
        flag |= MemberModifyFlag.SHUTUP_TIME
    if name_card is not None:
        param[k.kTIMGroupModifyMemberInfoParamNameCard] = bounded_text(name_card, "name_card",
                                                                       GROUP_NAME_CARD_MAX_BYTES)
        flag |= MemberModifyFlag.NAME_CARD
    if not flag:
        raise ValueError("give at least one thing to change")
    param[k.kTIMGroupModifyMemberInfoParamModifyFlag] = int(flag)
    return json_arg(param)


def handle_pendency_param(pendency: Any, accept: bool, message: str) -> bytes:
    """A GroupHandlePendencyParam (TIMGroupManager.h 13.4): the GroupPendency as listed (a
    ``GroupPendency`` or its dict), accepted or refused, with a message."""
    raw = getattr(pendency, "raw", pendency)
    if not isinstance(raw, dict):
        raise TypeError(f"pendency must be a GroupPendency or its dict, not {type(pendency).__name__}")
    if not isinstance(accept, bool):
        raise TypeError(f"accept must be a bool, not {type(accept).__name__}")
    return json_arg({k.kTIMGroupHandlePendencyParamPendency: raw, k.kTIMGroupHandlePendencyParamIsAccept: accept,
                     k.kTIMGroupHandlePendencyParamHandleMsg: check_text(message, "message")})


def search_groups_param(keywords: Any, by_id: bool, by_name: bool) -> bytes:
    """A GroupSearchParam (TIMGroupManager.h 10.9): 1 to 5 keywords ("关键字列表最多支持5个", 563),
    looked for in the ids and/or the names (``TIMGroupSearchFieldKey``)."""
    words = [check_text(word, "keyword") for word in id_list(keywords)]
    if not 1 <= len(words) <= 5 or not all(words):
        raise ValueError(f"give 1 to 5 non-empty keywords, not {words!r}")
    fields = [bit for bit, wanted in ((1, by_id), (2, by_name)) if wanted]
    if not fields:
        raise ValueError("search the ids, the names or both")
    return json_arg({k.TIMGroupSearchParamKeywordList: words, k.TIMGroupSearchParamFieldList: fields})


def group_ids_param(ids: Any) -> bytes:
    """A JSON array of 1 or more group ids (each as :func:`group_id` checks it)."""
    ids = id_list(ids)
    if not ids:
        raise ValueError("give at least one group id")
    return json_arg([group_id(one).decode() for one in ids])


def create_group_param(name: str, group_id_value: Optional[str], group_type: Any, members: Any,
                       introduction: str, notification: str, face_url: str, add_option: Optional[int],
                       max_members: Optional[int]) -> bytes:
    """A CreateGroupParam (TIMGroupManager.h 10.2). ``members``: user ids, or (user id, role) pairs."""
    from .membership import GroupAddOption, GroupType, MemberRole

    param: dict[str, Any] = {k.kTIMCreateGroupParamGroupName: check_id(name, "name", GROUP_NAME_MAX_BYTES).decode(),
                             k.kTIMCreateGroupParamGroupType: int(GroupType.parse(group_type))}
    if group_id_value is not None:
        param[k.kTIMCreateGroupParamGroupId] = group_id(group_id_value).decode()
    initial = []
    for member in id_list(members):
        user, role = (member, MemberRole.NORMAL) if isinstance(member, str) else member
        initial.append({k.kTIMGroupMemberInfoIdentifier: check_id(user, "member").decode(),
                        k.kTIMGroupMemberInfoMemberRole: int(MemberRole(role))})
    if len(initial) > GROUP_INITIAL_MEMBERS_MAX:
        raise ValueError(f"at most {GROUP_INITIAL_MEMBERS_MAX} initial members, not {len(initial)}")
    if initial:
        param[k.kTIMCreateGroupParamGroupMemberArray] = initial
    for key, value, what, limit in (
            (k.kTIMCreateGroupParamIntroduction, introduction, "introduction", GROUP_INTRODUCTION_MAX_BYTES),
            (k.kTIMCreateGroupParamNotification, notification, "notification", GROUP_NOTIFICATION_MAX_BYTES),
            (k.kTIMCreateGroupParamFaceUrl, face_url, "face_url", GROUP_FACE_URL_MAX_BYTES)):
        if value:
            param[key] = bounded_text(value, what, limit)
    if add_option is not None:
        param[k.kTIMCreateGroupParamAddOption] = int(GroupAddOption(add_option))
    if max_members is not None:
        param[k.kTIMCreateGroupParamMaxMemberCount] = check_int(max_members, "max_members", 1, 2**31 - 1)
    return json_arg(param)


def member_list_param(group: str, roles: Optional[int], user_ids: Any) -> bytes:
    """A GroupGetMemberInfoListParam: every member, or those of ``roles`` (TIMGroupMemberRoleFlag
    bits: 1 owner, 2 admins, 4 the others; or a mark type, 1000 and above: the members marked with
    it, TIMGroupManager.h 1075) or of ``user_ids``."""
    param: dict[str, Any] = {k.kTIMGroupGetMemberInfoListParamGroupId: group_id(group).decode()}
    if roles:
        flag = check_int(roles, "roles", 0, 2**32 - 1)
        if 7 < flag < GROUP_MARK_TYPE_MIN:
            raise ValueError(f"roles are bits 1, 2 and 4, or a mark type of at least {GROUP_MARK_TYPE_MIN}, not {flag}")
        param[k.kTIMGroupGetMemberInfoListParamOption] = {k.kTIMGroupMemberGetInfoOptionRoleFlag: flag}
    ids = [check_id(user, "user id").decode() for user in id_list(user_ids)]
    if ids:
        param[k.kTIMGroupGetMemberInfoListParamIdentifierArray] = ids
    return json_arg(param)


def stored_message(message: Any) -> JsonObject:
    """A stored Message's JSON, whole, as the vendor's revoke and delete calls take it
    (``TIMMessageManager.h``, ``TIMMsgRevoke``: the Message a send or the message list gave):
    a Message or its JSON with a message_msg_id."""
    raw = getattr(message, "raw", message)
    if not isinstance(raw, dict) or not isinstance(raw.get(k.kTIMMsgMsgId), str) or not raw[k.kTIMMsgMsgId]:
        raise ValueError("give a Message (or its JSON) with a message_msg_id, as a send or the message list returns")
    return raw


def message_conversation(messages: list[Any]) -> tuple[bytes, ConvType]:
    """The conversation the Messages belong to (all the same one), as C takes it."""
    keys = {(getattr(m, "raw", m).get(k.kTIMMsgConvId), getattr(m, "raw", m).get(k.kTIMMsgConvType))
            for m in messages if isinstance(getattr(m, "raw", m), dict)}
    if len(keys) != 1:
        raise ValueError("the messages must all belong to one conversation")
    conv_id, conv_type = keys.pop()
    return conv_key(conv_id, conv_type)


def messages_param(messages: Any) -> tuple[bytes, ConvType, bytes]:
    """A conversation and a JSON array of the Messages to delete (1 to 50 of them)."""
    items = id_list(messages)
    if not items:
        raise ValueError("give at least one message")
    if len(items) > MSG_LIST_DELETE_MAX:
        raise ValueError(f"at most {MSG_LIST_DELETE_MAX} messages per call, not {len(items)}")
    return (*message_conversation(items), json_arg([stored_message(m) for m in items]))


# ---- edits, saves and imports (TIMMessageManager.h 4.6, 6.3, 6.7, 6.8) ----

#: message_custom_int is a uint32 (TIMMessageManager.h 2342).
MSG_CUSTOM_INT_MAX = 2**32 - 1
#: The engine's limit on a JSON argument (TEXT_JSON_MAX, engine/src/util/text.h): 1 MiB.
_JSON_ARGUMENT_MAX_BYTES = 1024 * 1024


def modification(message: Any, *, text: Optional[str], elements: Optional[Iterable[JsonObject]],
                 cloud_custom_data: Optional[str]) -> JsonObject:
    """A TIMMsgModifyMessage Message: the stored one as given (its id and message_version name the
    copy it changes) with its one text element's new ``text``, or new ``elements``, and new
    ``cloud_custom_data``."""
    changed = dict(stored_message(message))
    if text is not None and elements is not None:
        raise ValueError("give text or elements, not both")
    if text is None and elements is None and cloud_custom_data is None:
        raise ValueError("give what changes: text, elements or cloud_custom_data")
    if text is not None:
        elems = [dict(elem) for elem in changed.get(k.kTIMMsgElemArray, [])]
        texts = [elem for elem in elems if elem.get(k.kTIMElemType) == k.kTIMElem_Text]
        if len(texts) != 1:
            raise ValueError("text= changes a message of one text element: give elements= instead")
        texts[0][k.kTIMTextElemContent] = check_text(text, "text")
        changed[k.kTIMMsgElemArray] = elems
    if elements is not None:
        given = check_message({k.kTIMMsgElemArray: list(elements)}, "elements")
        changed[k.kTIMMsgElemArray] = given[k.kTIMMsgElemArray]
    if cloud_custom_data is not None:
        changed[k.kTIMMsgCloudCustomStr] = check_text(cloud_custom_data, "cloud_custom_data")
    return changed


def local_data_param(message: Any, data: Optional[str], number: Optional[int]) -> bytes:
    """A TIMMsgSetLocalCustomData Message: the stored message's id with its new custom fields."""
    if data is None and number is None:
        raise ValueError("give data (message_custom_str) or number (message_custom_int)")
    param: JsonObject = {k.kTIMMsgMsgId: stored_message(message)[k.kTIMMsgMsgId]}
    if data is not None:
        param[k.kTIMMsgCustomStr] = check_text(data, "data")
    if number is not None:
        param[k.kTIMMsgCustomInt] = check_int(number, "number", 0, MSG_CUSTOM_INT_MAX)
    return json_arg(param)


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds (a frame's cells)."""
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, datetime)) else value


def local_message(message: Any, sender: Optional[str] = None,
                  time: Union[None, int, float, datetime] = None) -> JsonObject:
    """A Message to save or import: a text, or a Message (or its JSON: its elements, sender, times
    and custom fields are kept), from ``sender`` at ``time`` when given."""
    if isinstance(message, str):
        body = text_message(check_text(message, "text"))
    else:
        body = dict(check_message(getattr(message, "raw", message)))
    if sender is not None:
        body[k.kTIMMsgSender] = check_id(sender, "sender").decode()
    if time is not None:
        body[k.kTIMMsgServerTime] = epoch_arg(_plain(time), "time")  # its client time: the same (ST_MSG_IMPORT)
    return body


def imported_messages(messages: Any) -> bytes:
    """A JSON array of Messages to import: Messages (or their JSON, or texts), or a DataFrame with a
    row per message and columns ``sender``, ``text`` and ``time`` (or ``server_time``, and the
    index ``msg_id``, as ``Client.messages`` gives it)."""
    if hasattr(messages, "columns") and hasattr(messages, "to_dict"):  # a DataFrame
        when = "time" if "time" in messages.columns else "server_time"
        missing = sorted({"sender", "text", when} - set(messages.columns))
        if missing:
            raise ValueError(f"a frame of messages needs the columns sender, text and time: {missing} missing")
        bodies = [local_message(_plain(text), _plain(sender), time)
                  for sender, text, time in zip(messages["sender"], messages["text"], messages[when])]
        if messages.index.name == "msg_id":  # a messages frame: its ids (imported once, TIMMessageManager.h 1417)
            for body, msg_id in zip(bodies, messages.index):
                body[k.kTIMMsgMsgId] = check_text(msg_id, "msg_id")
    else:
        bodies = [local_message(message) for message in id_list(messages)]
    text = json_arg(bodies)
    if len(text) > _JSON_ARGUMENT_MAX_BYTES:
        raise ValueError(f"{len(bodies):,} messages make {len(text):,} bytes of JSON, over the 1 MiB a call takes:"
                         " import them in parts (each part is all or none)")
    return text

def search_members_param(keywords: Any, group_ids: Any, fields: int) -> bytes:
    """A GroupMemberSearchParam (TIMGroupManager.h 12.4): 1 to 5 keywords ("关键字列表最多支持5个",
    1124), looked for in ``fields`` (bits of TIMGroupMemberSearchFieldKey), in the groups given
    (none: every group of the user's)."""
    words = [check_text(word, "keyword") for word in id_list(keywords)]
    if not 1 <= len(words) <= 5 or not all(words):
        raise ValueError(f"give 1 to 5 non-empty keywords, not {words!r}")
    bits = [bit for bit in (1, 2, 4, 8) if check_int(fields, "fields", 1, 15) & bit]
    param: dict[str, Any] = {k.TIMGroupMemberSearchParamKeywordList: words, k.TIMGroupMemberSearchParamFieldList: bits}
    ids = [group_id(one).decode() for one in id_list(group_ids)]
    if ids:
        param[k.TIMGroupMemberSearchParamGroupidList] = ids
    return json_arg(param)


def mark_members_args(group: str, user_ids: Any, mark_type: int, enable: bool) -> tuple[bytes, bytes, int, bool]:
    """TIMGroupMarkGroupMemberList's arguments: 1 or more members, a mark type of at least 1000
    (TIMGroupManager.h 1299), whether to mark or unmark."""
    ids = [check_id(user, "user id").decode() for user in id_list(user_ids)]
    if not ids:
        raise ValueError("give at least one member to mark")
    if not isinstance(enable, bool):
        raise TypeError(f"enable must be a bool, not {type(enable).__name__}")
    return group_id(group), json_arg(ids), check_int(mark_type, "mark_type", GROUP_MARK_TYPE_MIN, 2**32 - 1), enable


def group_attributes_param(attributes: Any) -> bytes:
    """A GroupAttributes array (TIMGroupManager.h 10.11) of a {key: value} mapping of strings (the
    limits, 16 keys of 32 bytes and 4 KB values, 16 KB in all, are the engine's: 10004)."""
    if not isinstance(attributes, Mapping):
        raise TypeError(f"attributes must be a mapping of str to str, not {type(attributes).__name__}")
    return json_arg([{k.TIMGroupAttributeKey: check_text(key, "an attribute's key"),
                      k.TIMGroupAttributeValue: check_text(value, "an attribute's value")}
                     for key, value in attributes.items()])


def group_counters_param(counters: Any) -> bytes:
    """A GroupCounter array (TIMGroupManager.h 10.12) of a {key: int64} mapping."""
    if not isinstance(counters, Mapping):
        raise TypeError(f"counters must be a mapping of str to int, not {type(counters).__name__}")
    return json_arg([{k.kTIMGroupCounterKey: check_text(key, "a counter's key"),
                      k.kTIMGroupCounterValue: check_int(value, "a counter's value", -2**63, 2**63 - 1)}
                     for key, value in counters.items()])


def group_data_keys_param(keys: Any) -> Optional[bytes]:
    """A JSON array of a group's attribute or counter keys; None (NULL: every key) for None."""
    return None if keys is None else json_arg([check_text(key, "a key") for key in id_list(keys)])


def counter_change_args(group: str, key: str, value: int) -> tuple[bytes, bytes, int]:
    """The arguments of TIMGroupIncreaseGroupCounter and Decrease: the group, the counter's key and
    the change (int64)."""
    key_text = check_text(key, "key")
    if not key_text:
        raise ValueError("a counter's key is not empty")
    return group_id(group), key_text.encode(), check_int(value, "value", -2**63, 2**63 - 1)
