"""Value objects for users' profiles and statuses (``TIMManager.h`` 1.4-1.7, 8.2-8.5): gender and
add permission, a user's profile, the changes one may make to one's own, and a user's status."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Optional, Union

from . import wire as k
from .checks import check_int
from .wire import JsonObject

__all__ = ["Gender", "AddPermission", "UserProfile", "profile_item", "CUSTOM_PREFIX", "PROFILE_VALUE_MAX",
           "UserStatusType", "UserStatus", "status_param", "CUSTOM_STATUS_MAX"]

#: The prefix of a custom field's key (``TIMManager.h`` 537: the SDK adds it when missing).
CUSTOM_PREFIX = "Tag_Profile_Custom_"
#: The longest string value a profile field takes, in bytes (``TIMErrorCode.h`` 244, 40601).
PROFILE_VALUE_MAX = 500
_UINT32_MAX = 2**32 - 1
#: The longest custom status, in bytes (the vendor's ``V2TIMUserStatus.customStatus``).
CUSTOM_STATUS_MAX = 100


class Gender(IntEnum):
    """``enum TIMGenderType``."""

    UNKNOWN = 0
    MALE = 1
    FEMALE = 2


class AddPermission(IntEnum):
    """``enum TIMProfileAddPermission``: who may add the user as a friend (UNKNOWN: never set)."""

    UNKNOWN = 0
    ALLOW_ANY = 1
    NEED_CONFIRM = 2
    DENY_ANY = 3


@dataclass(frozen=True)
class UserProfile:
    """A user's profile (UserProfile); ``custom`` maps each custom key, without its prefix, to its
    value."""

    user_id: str
    nickname: str
    face_url: str
    gender: Gender
    signature: str
    add_permission: AddPermission
    location: str
    language: int
    birthday: int
    level: int
    role: int
    custom: dict[str, str] = field(compare=False)
    raw: JsonObject = field(repr=False, compare=False)

    @property
    def show_name(self) -> str:
        """What a C2C conversation with the user shows without a friend remark: the nickname, else
        the user id (``TIMConversationManager.h`` 959)."""
        return self.nickname or self.user_id

    @classmethod
    def from_json(cls, data: JsonObject) -> UserProfile:
        custom = {str(item[k.kTIMUserProfileCustomStringInfoKey]).removeprefix(CUSTOM_PREFIX):
                  str(item[k.kTIMUserProfileCustomStringInfoValue])
                  for item in data.get(k.kTIMUserProfileCustomStringArray) or []}
        return cls(
            user_id=str(data[k.kTIMUserProfileIdentifier]),
            nickname=str(data.get(k.kTIMUserProfileNickName, "")),
            face_url=str(data.get(k.kTIMUserProfileFaceUrl, "")),
            gender=Gender(int(data.get(k.kTIMUserProfileGender, 0))),
            signature=str(data.get(k.kTIMUserProfileSelfSignature, "")),
            add_permission=AddPermission(int(data.get(k.kTIMUserProfileAddPermission, 0))),
            location=str(data.get(k.kTIMUserProfileLocation, "")),
            language=int(data.get(k.kTIMUserProfileLanguage, 0)),
            birthday=int(data.get(k.kTIMUserProfileBirthDay, 0)),
            level=int(data.get(k.kTIMUserProfileLevel, 0)),
            role=int(data.get(k.kTIMUserProfileRole, 0)),
            custom=custom,
            raw=data,
        )


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    if len(value.encode("utf-8", "surrogatepass")) > PROFILE_VALUE_MAX:
        raise ValueError(f"{name} is at most {PROFILE_VALUE_MAX} bytes of UTF-8")
    return value


def _uint32(value: object, name: str) -> int:
    return check_int(value, name, 0, _UINT32_MAX)


def _custom_key(key: object) -> str:
    bare = _text(key, "custom key").removeprefix(CUSTOM_PREFIX)
    if not (bare.isascii() and bare.isalpha() and 1 <= len(bare) <= 8):
        raise ValueError(f"a custom key is 1 to 8 English letters (after {CUSTOM_PREFIX}), not {key!r}")
    return CUSTOM_PREFIX + bare


def profile_item(*, nickname: Optional[str] = None, face_url: Optional[str] = None,
                 gender: Union[Gender, int, None] = None, signature: Optional[str] = None,
                 add_permission: Union[AddPermission, int, None] = None, location: Optional[str] = None,
                 language: Optional[int] = None, birthday: Optional[int] = None, level: Optional[int] = None,
                 role: Optional[int] = None, custom: Optional[dict[str, str]] = None) -> JsonObject:
    """A UserProfileItem with the fields given (None: unchanged), checked as the vendor does:
    strings at most 500 bytes, numbers uint32, gender and add permission of their enums (add
    permission not UNKNOWN), custom keys 1 to 8 English letters with or without the prefix.
    ValueError or TypeError names what is wrong; nothing given is a ValueError."""
    item: JsonObject = {}
    for key, value, name in ((k.kTIMUserProfileItemNickName, nickname, "nickname"),
                             (k.kTIMUserProfileItemFaceUrl, face_url, "face_url"),
                             (k.kTIMUserProfileItemSelfSignature, signature, "signature"),
                             (k.kTIMUserProfileItemLocation, location, "location")):
        if value is not None:
            item[key] = _text(value, name)
    if gender is not None:
        item[k.kTIMUserProfileItemGender] = int(Gender(_uint32(gender, "gender")))
    if add_permission is not None:
        permission = AddPermission(_uint32(add_permission, "add_permission"))
        if permission is AddPermission.UNKNOWN:
            raise ValueError("add_permission is ALLOW_ANY, NEED_CONFIRM or DENY_ANY")
        item[k.kTIMUserProfileItemAddPermission] = int(permission)
    for key, number, name in ((k.kTIMUserProfileItemLanguage, language, "language"),
                              (k.kTIMUserProfileItemBirthDay, birthday, "birthday"),
                              (k.kTIMUserProfileItemLevel, level, "level"), (k.kTIMUserProfileItemRole, role, "role")):
        if number is not None:
            item[key] = _uint32(number, name)
    if custom is not None:
        if not isinstance(custom, dict):
            raise TypeError(f"custom must be a dict of str to str, not {type(custom).__name__}")
        item[k.kTIMUserProfileItemCustomStringArray] = [
            {k.kTIMUserProfileCustomStringInfoKey: _custom_key(key),
             k.kTIMUserProfileCustomStringInfoValue: _text(value, f"custom value of {key!r}")}
            for key, value in custom.items()]
    if not item:
        raise ValueError("give at least one field of the profile to change")
    return item


class UserStatusType(IntEnum):
    """``enum TIMUserStatusType``: online while a process holds the user's login; offline when the
    user logged in and no process holds it (it died); not logged in after a logout or before any."""

    UNKNOWN = 0
    ONLINE = 1
    OFFLINE = 2
    UNLOGINED = 3


@dataclass(frozen=True)
class UserStatus:
    """A user's status (TIMUserStatus)."""

    user_id: str
    status_type: UserStatusType
    custom_status: str
    online_devices: tuple[str, ...]
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> UserStatus:
        return cls(
            user_id=str(data[k.kTIMUserStatusIdentifier]),
            status_type=UserStatusType(int(data.get(k.kTIMUserStatusStatusType, 0))),
            custom_status=str(data.get(k.kTIMUserStatusCustomStatus, "")),
            online_devices=tuple(str(d) for d in data.get(k.kTIMUserStatusOnlineDevices) or ()),
            raw=data,
        )


def status_param(custom_status: str) -> JsonObject:
    """The TIMUserStatus that sets one's custom status (at most 100 bytes of UTF-8)."""
    if not isinstance(custom_status, str):
        raise TypeError(f"custom_status must be str, not {type(custom_status).__name__}")
    if len(custom_status.encode("utf-8", "surrogatepass")) > CUSTOM_STATUS_MAX:
        raise ValueError(f"custom_status is at most {CUSTOM_STATUS_MAX} bytes of UTF-8")
    return {k.kTIMUserStatusCustomStatus: custom_status}
