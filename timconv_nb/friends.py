"""Value objects of friendship (``TIMFriendshipManager.h``): its enums, a friend's profile, a friend
request, the result of an operation on a user, a friend group, and the checked parameters of the
calls that change them (the vendor's limits: ``TIMErrorCode.h`` 104-107)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Callable, Optional, Union

from . import wire as k
from .checks import check_int
from .errors import TIMError, error_for
from .profiles import UserProfile
from .wire import JsonObject

__all__ = ["FriendType", "PendencyType", "ResponseAction", "Relation", "SearchField", "FriendProfile",
           "FriendRequest", "FriendResult", "FriendGroup", "FriendRequestPage", "SNS_CUSTOM_PREFIX",
           "REMARK_MAX", "WORDING_MAX", "GROUP_NAME_MAX", "add_friend_param", "friend_item", "group_name",
           "names_param", "per_user", "added", "relations", "friend_infos"]

#: The prefix of a friend's custom field key (``TIMFriendshipManager.h`` 642: the SDK adds it when missing).
SNS_CUSTOM_PREFIX = "Tag_SNS_Custom_"
#: The longest remark, add wording and friend group name, in bytes (``TIMErrorCode.h`` 104, 105, 107).
REMARK_MAX = 96
WORDING_MAX = 120
GROUP_NAME_MAX = 30


class FriendType(IntEnum):
    """``enum TIMFriendType`` (1.1): a friendship one way (only in one's own list) or both ways."""

    SINGLE = 0
    BOTH = 1


class PendencyType(IntEnum):
    """``enum TIMFriendPendencyType`` (1.2): requests to the user, from the user, or both."""

    COME_IN = 0
    SEND_OUT = 1
    BOTH = 2


class ResponseAction(IntEnum):
    """``enum TIMFriendResponseAction`` (1.3): agree (the asker has the user), agree and add (both
    ways), reject."""

    AGREE = 0
    AGREE_AND_ADD = 1
    REJECT = 2


class Relation(IntEnum):
    """``enum TIMFriendCheckRelation`` (1.4) and ``TIMFriendshipRelationType`` (1.6), which number
    it alike: no relation, only in one's own list, only in theirs, both ways."""

    NONE = 0
    IN_MY_LIST = 1
    IN_THEIR_LIST = 2
    BOTH = 3


class SearchField(IntEnum):
    """``enum TIMFriendshipSearchFieldKey`` (1.5): where a search looks."""

    USER_ID = 0x01
    NICKNAME = 0x02
    REMARK = 0x04


@dataclass(frozen=True)
class FriendProfile:
    """A friend as the user sees them (FriendProfile, 10.2): the remark, friend groups, how they
    were added, custom fields (keys without their prefix) and their UserProfile."""

    user_id: str
    remark: str
    groups: list[str] = field(compare=False)
    add_source: str
    add_wording: str
    add_time: int
    custom: dict[str, str] = field(compare=False)
    profile: UserProfile = field(compare=False)
    raw: JsonObject = field(repr=False, compare=False)

    @property
    def show_name(self) -> str:
        """What a C2C conversation with the friend shows: the remark, else the nickname, else the
        user id (``TIMConversationManager.h`` 959-961)."""
        return self.remark or self.profile.show_name

    @classmethod
    def from_json(cls, data: JsonObject) -> FriendProfile:
        custom = {str(item[k.kTIMFriendProfileCustomStringInfoKey]).removeprefix(SNS_CUSTOM_PREFIX):
                  str(item[k.kTIMFriendProfileCustomStringInfoValue])
                  for item in data.get(k.kTIMFriendProfileCustomStringArray) or []}
        user_id = str(data[k.kTIMFriendProfileIdentifier])
        profile = data.get(k.kTIMFriendProfileUserProfile) or {k.kTIMUserProfileIdentifier: user_id}
        return cls(user_id=user_id, remark=str(data.get(k.kTIMFriendProfileRemark, "")),
                   groups=[str(g) for g in data.get(k.kTIMFriendProfileGroupNameArray) or []],
                   add_source=str(data.get(k.kTIMFriendProfileAddSource, "")),
                   add_wording=str(data.get(k.kTIMFriendProfileAddWording, "")),
                   add_time=int(data.get(k.kTIMFriendProfileAddTime, 0)), custom=custom,
                   profile=UserProfile.from_json(profile), raw=data)


@dataclass(frozen=True)
class FriendRequest:
    """A friend request waiting (FriendAddPendencyInfo, 11.6; the request callback's
    FriendAddPendency, 11.3): to the user (COME_IN) or from the user (SEND_OUT)."""

    type: PendencyType
    user_id: str
    nickname: str
    face_url: str
    add_time: int
    add_source: str
    add_wording: str

    @classmethod
    def from_json(cls, data: JsonObject) -> FriendRequest:
        """From either form: the page's keys (``friend_add_pendency_info_*``) or the callback's."""
        p = "friend_add_pendency_info_" if k.kTIMFriendAddPendencyInfoIdentifier in data else "friend_add_pendency_"
        return cls(type=PendencyType(int(data.get(p + "type", 0))), user_id=str(data[p + "identifier"]),
                   nickname=str(data.get(p + "nick_name", "")), face_url=str(data.get(p + "face_url", "")),
                   add_time=int(data.get(p + "add_time", 0)), add_source=str(data.get(p + "add_source", "")),
                   add_wording=str(data.get(p + "add_wording", "")))


@dataclass(frozen=True)
class FriendRequestPage:
    """A page of friend requests (PendencyPage, 11.5): the requests, how many to the user are
    unread, and the seq to ask the next page from."""

    requests: list[FriendRequest]
    unread: int
    next_seq: int

    @classmethod
    def from_json(cls, data: JsonObject) -> FriendRequestPage:
        return cls([FriendRequest.from_json(r) for r in data.get(k.kTIMPendencyPagePendencyInfoArray) or []],
                   int(data.get(k.kTIMPendencyPageUnReadNum, 0)), int(data.get(k.kTIMPendencyPageCurrentSeq, 0)))


@dataclass(frozen=True)
class FriendResult:
    """What an operation did to one user (FriendResult, 13.1): code 0, or the vendor's code why not
    (30539 for a request left waiting)."""

    user_id: str
    code: int
    desc: str

    @classmethod
    def from_json(cls, data: JsonObject) -> FriendResult:
        return cls(str(data[k.kTIMFriendResultIdentifier]), int(data.get(k.kTIMFriendResultCode, 0)),
                   str(data.get(k.kTIMFriendResultDesc, "")))


@dataclass(frozen=True)
class FriendGroup:
    """A friend group (FriendGroupInfo, 14.2): its name and its friends."""

    name: str
    user_ids: list[str]

    @classmethod
    def from_json(cls, data: JsonObject) -> FriendGroup:
        members = data.get(k.kTIMFriendGroupInfoIdentifierArray) or []
        return cls(str(data[k.kTIMFriendGroupInfoName]), [str(u) for u in members])


def _bounded(value: object, name: str, limit: int, code: int) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{name} must not contain NUL characters")
    if len(value.encode("utf-8", "surrogatepass")) > limit:
        raise ValueError(f"{name} is at most {limit} bytes of UTF-8 (the SDK answers {code})")
    return value


def group_name(name: object) -> str:
    """A friend group's name: 1 to 30 bytes (``TIMErrorCode.h`` 107, 9005)."""
    checked = _bounded(name, "friend group name", GROUP_NAME_MAX, 9005)
    if not checked:
        raise ValueError("a friend group name is not empty (the SDK answers 9005)")
    return checked


def add_friend_param(user_id: str, *, friend_type: Union[FriendType, int] = FriendType.BOTH, remark: str = "",
                     group: str = "", source: str = "", wording: str = "") -> JsonObject:
    """A FriendshipAddFriendParam (11.1), checked as the vendor does (remark 96 bytes, wording 120,
    group name 30)."""
    kind = FriendType(check_int(friend_type, "friend_type", 0, 1))
    param: JsonObject = {k.kTIMFriendshipAddFriendParamIdentifier: user_id,
                         k.kTIMFriendshipAddFriendParamFriendType: int(kind)}
    texts = ((k.kTIMFriendshipAddFriendParamRemark, remark, "remark", REMARK_MAX, 9002),
             (k.kTIMFriendshipAddFriendParamAddWording, wording, "wording", WORDING_MAX, 9003),
             (k.kTIMFriendshipAddFriendParamGroupName, group, "group", GROUP_NAME_MAX, 9005),
             (k.kTIMFriendshipAddFriendParamAddSource, source, "source", 500, 30001))
    for key, value, name, limit, code in texts:
        if _bounded(value, name, limit, code):
            param[key] = value
    return param


def friend_item(*, remark: Optional[str] = None, groups: Optional[Iterable[str]] = None,
                custom: Optional[dict[str, str]] = None) -> JsonObject:
    """A FriendProfileItem (10.3) with what is given (None: unchanged): the remark (96 bytes), the
    friend's groups (replacing them), custom fields (keys 1 to 8 English letters, with or without
    the prefix; values 500 bytes). Nothing given is a ValueError."""
    item: JsonObject = {}
    if remark is not None:
        item[k.kTIMFriendProfileItemRemark] = _bounded(remark, "remark", REMARK_MAX, 9002)
    if groups is not None:
        if isinstance(groups, str):
            raise TypeError("groups must be an iterable of names, not a str")
        item[k.kTIMFriendProfileItemGroupNameArray] = [group_name(g) for g in groups]
    if custom is not None:
        entries = []
        for key, value in custom.items():
            bare = _bounded(key, "custom key", 500, 9001).removeprefix(SNS_CUSTOM_PREFIX)
            if not (bare.isascii() and bare.isalpha() and 1 <= len(bare) <= 8):
                raise ValueError(f"a custom key is 1 to 8 English letters (after {SNS_CUSTOM_PREFIX}), not {key!r}")
            entries.append({k.kTIMFriendProfileCustomStringInfoKey: SNS_CUSTOM_PREFIX + bare,
                            k.kTIMFriendProfileCustomStringInfoValue: _bounded(value, "custom value", 500, 9001)})
        item[k.kTIMFriendProfileItemCustomStringArray] = entries
    if not item:
        raise ValueError("give a remark, groups or custom fields to change")
    return item


# ---- the calls' parameters and results, as Client's methods use them ----

def names_param(names: Iterable[str], what: str = "friend group name") -> list[str]:
    """A list of friend group names (at least one)."""
    if isinstance(names, (str, bytes)):
        raise TypeError(f"give a list of {what}s, not a single string")
    checked = [group_name(name) for name in names]
    if not checked:
        raise ValueError(f"give at least one {what}")
    return checked


def per_user(function: str) -> Callable[[list[JsonObject]], dict[str, Optional[TIMError]]]:
    """The converter of a FriendResult array: {user id: None when it succeeded, else the TIMError
    of its code}."""

    def convert(results: Optional[list[JsonObject]]) -> dict[str, Optional[TIMError]]:
        done = [FriendResult.from_json(r) for r in results or []]
        return {r.user_id: None if r.code == 0 else error_for(r.code, r.desc, function) for r in done}

    return convert


def added(result: JsonObject) -> FriendResult:
    """TIMFriendshipAddFriend's FriendResult: friends now (code 0) or a request waiting (30539, the
    user confirms whom they add); any other code raised as its TIMError."""
    outcome = FriendResult.from_json(result)
    if outcome.code not in (0, 30539):
        raise error_for(outcome.code, outcome.desc, "TIMFriendshipAddFriend")
    return outcome


def relations(results: list[JsonObject]) -> dict[str, Relation]:
    """TIMFriendshipCheckFriendType's results: {user id: Relation}."""
    return {str(r[k.kTIMFriendshipCheckFriendTypeResultIdentifier]):
            Relation(int(r[k.kTIMFriendshipCheckFriendTypeResultRelation])) for r in results}


def friend_infos(results: list[JsonObject]) -> dict[str, tuple[Relation, FriendProfile]]:
    """FriendInfoGetResults (15.2): {user id: (Relation, FriendProfile)}, in their order."""
    return {str(r[k.kTIMFriendshipFriendInfoGetResultIdentifier]):
            (Relation(int(r[k.kTIMFriendshipFriendInfoGetResultRelationType])),
             FriendProfile.from_json(r[k.kTIMFriendshipFriendInfoGetResultFriendInfo]))
            for r in results}
