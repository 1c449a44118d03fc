"""Exceptions for the C API's codes: one hierarchy rooted at :class:`TIMError`, and one
function, :func:`error_for`, that turns any code into its exception.

Synchronous ``TIMResult`` codes are negative and callback codes (``TIMErrorCode.h``) are
positive, so one table serves both. A code's number and meaning are written once, in the C
headers' rows (read here from the installed headers); Python's row adds its exception class.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple, Optional


class TIMError(Exception):
    """A call refused (negative ``TIMResult``) or failed (callback code).

    ``code`` is the number, ``name`` its name in the C headers, ``desc`` what the SDK said
    (or what the wrapper knows the code means), ``call`` the C function."""

    code: Optional[int]

    def __init__(self, code: Optional[int], desc: str = "", call: str = "") -> None:
        self.code = code
        self.name = CODE_NAMES.get(code, "UNKNOWN") if code is not None else "TIMEOUT"
        self.desc = desc or CODE_MEANINGS.get(code, "")
        self.call = call
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.call}: " if self.call else ""
        return f"{where}{self.name} ({self.code}): {self.desc}" if self.code is not None else f"{where}{self.desc}"

    def __reduce__(self) -> tuple[type[TIMError], tuple[Optional[int], str, str]]:  # keep code, desc and call
        return (type(self), (self.code, self.desc, self.call))


class SDKNotInitializedError(TIMError):
    """TIMInit has not succeeded, or TIMUninit ran first (-1, 6013)."""


class NotLoggedInError(TIMError):
    """The call needs a logged-in user (-2, 6014)."""


class InvalidJSONError(TIMError, ValueError):
    """JSON that does not parse or has the wrong shape (-3, 6027)."""


class InvalidParameterError(TIMError, ValueError):
    """A NULL, empty, over-long or non-UTF-8 argument (-4, 6017)."""


class InvalidConversationError(TIMError, LookupError):
    """An unknown conversation, or a conversation type out of range (-5, 6004)."""


class InvalidGroupError(TIMError, LookupError):
    """An invalid group (-6)."""


class StorageError(TIMError, OSError):
    """The local store could not be read or written (6022)."""


class OutOfMemoryError(TIMError, MemoryError):
    """The SDK ran out of memory (6028)."""


class SDKInternalError(TIMError):
    """An error inside the SDK that should not happen (7012)."""


class NotSupportedError(TIMError, NotImplementedError):
    """The interface or operation is not available: the vendor's plan does not include it, or the
    local engine does not implement it (7013)."""


class LoginInProgressError(TIMError):
    """TIMLogin while another login is in progress (7501)."""


class UserSigError(TIMError, PermissionError):
    """The UserSig was refused: expired, empty, malformed, or made for another user, app or key
    (700xx)."""


class GroupNotFoundError(TIMError, LookupError):
    """No such group: never created, or dismissed (10010)."""


class GroupPermissionError(TIMError, PermissionError):
    """The group's rules refuse it: not a member, not the owner, a group type that does not allow
    it, muted (10007, 10009, 10017, 10032, 8508)."""


class GroupMembershipError(TIMError):
    """Already a member, or the group is full (10013, 10014, 8507)."""


class RevokeTimeLimitError(TIMError):
    """A message sent more than 2 minutes ago cannot be revoked (20016 C2C, 10031 group)."""


class ModifyConflictError(TIMError):
    """The message was modified by someone else since it was read (8006): read it again (e.g.
    ``Client.find_messages``) and modify the latest copy."""


class FriendshipError(TIMError):
    """A friendship operation the relation between the users refuses: already friends, not
    friends, a block list, the user's add permission, no such friend request (30015-31704)."""


class BlockedError(TIMError, PermissionError):
    """The peer blocked the sender: a C2C message to them is refused (20007)."""


class GroupAttributeConflictError(TIMError):
    """A group's attributes changed since this process last read them: read them, then change them
    again (10056)."""


class FrequencyLimitError(TIMError):
    """Too many calls in too little time: the group attribute calls' limits in one process (8511)."""


class CallTimeoutError(TIMError, TimeoutError):
    """A call did not call back within the client's timeout. Its outcome is unknown."""

    def __init__(self, code: Optional[int] = None, desc: str = "", call: str = "") -> None:
        super().__init__(None, desc or "no callback within the timeout; the call's outcome is unknown", call)


class ClientAlreadyOpenError(RuntimeError):
    """The C SDK is one instance per process and another Client holds it."""


class ErrorCode(NamedTuple):
    """One code of the C API: its number, its name in the C headers, what it means (the C row's),
    and the exception it raises (Python's own)."""

    code: int
    name: str
    meaning: str
    error: type[TIMError]


#: Python's one row per code: the exception it raises. Number and meaning are the C rows'
#: (``TIMCONV_RESULT_CODES`` in ``TIMCloudDef.h``, ``TIMCONV_ERROR_CODES`` in ``TIMErrorCode.h``).
EXCEPTION_OF: dict[str, type[TIMError]] = {
    "TIM_ERR_SDKUNINIT": SDKNotInitializedError,
    "TIM_ERR_NOTLOGIN": NotLoggedInError,
    "TIM_ERR_JSON": InvalidJSONError,
    "TIM_ERR_PARAM": InvalidParameterError,
    "TIM_ERR_CONV": InvalidConversationError,
    "TIM_ERR_GROUP": InvalidGroupError,
    "ERR_INVALID_CONVERSATION": InvalidConversationError,
    "ERR_SDK_NOT_INITIALIZED": SDKNotInitializedError,
    "ERR_SDK_NOT_LOGGED_IN": NotLoggedInError,
    "ERR_INVALID_PARAMETERS": InvalidParameterError,
    "ERR_IO_OPERATION_FAILED": StorageError,
    "ERR_INVALID_JSON": InvalidJSONError,
    "ERR_OUT_OF_MEMORY": OutOfMemoryError,
    "ERR_SDK_INTERNAL_ERROR": SDKInternalError,
    "ERR_SDK_INTERFACE_NOT_SUPPORT": NotSupportedError,
    "ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS": LoginInProgressError,
    "ERR_SDK_GROUP_INVALID_ID": InvalidParameterError,
    "ERR_SVR_ACCOUNT_USERSIG_EXPIRED": UserSigError,
    "ERR_SVR_ACCOUNT_USERSIG_EMPTY": UserSigError,
    "ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED": UserSigError,
    "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY": UserSigError,
    "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID": UserSigError,
    "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID": UserSigError,
    "ERR_SVR_CONV_CONV_MARK_REQ_COUNT_EXCEED_LIMIT": InvalidParameterError,
    "ERR_SVR_CONV_CONV_MARK_TOTAL_COUNT_EXCEED_LIMIT": InvalidParameterError,
    "ERR_SVR_CONV_CONV_GROUP_NOT_EXIST": InvalidGroupError,
    "ERR_SVR_CONV_CONV_GROUP_TOTAL_COUNT_EXCEED_LIMIT": InvalidParameterError,
    "ERR_SVR_CONV_CONV_GROUP_NAME_EXCEED_LENGTH": InvalidParameterError,
    "ERR_SVR_MSG_REVOKE_TIME_LIMIT": RevokeTimeLimitError,
    "ERR_SVR_GROUP_INVALID_PARAMETERS": InvalidParameterError,
    "ERR_SVR_GROUP_PERMISSION_DENY": GroupPermissionError,
    "ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT": GroupPermissionError,
    "ERR_SVR_GROUP_NOT_FOUND": GroupNotFoundError,
    "ERR_SVR_GROUP_ALLREADY_MEMBER": GroupMembershipError,
    "ERR_SVR_GROUP_FULL_MEMBER_COUNT": GroupMembershipError,
    "ERR_SVR_GROUP_GROUPID_IN_USED": InvalidParameterError,
    "ERR_SVR_GROUP_REVOKE_MSG_NOT_FOUND": InvalidParameterError,
    "ERR_SVR_GROUP_REVOKE_MSG_TIME_LIMIT": RevokeTimeLimitError,
    "ERR_SVR_GROUP_REVOKE_MSG_DENY": GroupPermissionError,
    "ERR_SDK_GROUP_INVALID_NAME": InvalidParameterError,
    "ERR_SDK_GROUP_INVALID_INTRODUCTION": InvalidParameterError,
    "ERR_SDK_GROUP_INVALID_NOTIFICATION": InvalidParameterError,
    "ERR_SDK_GROUP_INVALID_FACE_URL": InvalidParameterError,
    "ERR_SDK_GROUP_INVALID_NAME_CARD": InvalidParameterError,
    "ERR_SDK_GROUP_MEMBER_COUNT_LIMIT": GroupMembershipError,
    "ERR_SDK_GROUP_JOIN_PRIVATE_GROUP_DENY": GroupPermissionError,
    "ERR_SDK_GROUP_INVITE_SUPER_DENY": InvalidParameterError,
    "ERR_SDK_GROUP_INVITE_NO_MEMBER": InvalidParameterError,
    "ERR_SVR_GROUP_SHUTUP_DENY": GroupPermissionError,
    "ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT": InvalidParameterError,
    "ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED": GroupMembershipError,
    "ERR_SDK_FRIENDSHIP_INVALID_PROFILE_KEY": InvalidParameterError,
    "ERR_SVR_PROFILE_INVALID_PARAMETERS": InvalidParameterError,
    "ERR_SVR_PROFILE_ACCOUNT_MISS": InvalidParameterError,
    "ERR_SVR_PROFILE_SIZE_LIMIT": InvalidParameterError,
    "ERR_SVR_PROFILE_VALUE_ERROR": InvalidParameterError,
    "ERR_SVR_PROFILE_INVALID_VALUE_FORMAT": InvalidParameterError,
    "ERR_SDK_MSG_MODIFY_CONFLICT": ModifyConflictError,
    "ERR_SDK_FRIENDSHIP_INVALID_ADD_REMARK": InvalidParameterError,
    "ERR_SDK_FRIENDSHIP_INVALID_ADD_WORDING": InvalidParameterError,
    "ERR_SDK_FRIENDSHIP_FRIEND_GROUP_EMPTY": InvalidParameterError,
    "ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS": InvalidParameterError,
    "ERR_SVR_FRIENDSHIP_ALREADY_FRIENDS": FriendshipError,
    "ERR_SVR_FRIENDSHIP_IN_SELF_BLACKLIST": FriendshipError,
    "ERR_SVR_FRIENDSHIP_ALLOW_TYPE_DENY_ANY": FriendshipError,
    "ERR_SVR_FRIENDSHIP_IN_PEER_BLACKLIST": FriendshipError,
    "ERR_SVR_FRIENDSHIP_ALLOW_TYPE_NEED_CONFIRM": FriendshipError,
    "ERR_SVR_FRIENDSHIP_PENDENCY_NOT_FOUND": FriendshipError,
    "ERR_SVR_FRIENDSHIP_DEL_NONFRIEND": FriendshipError,
    "ERR_SVR_MSG_IN_PEER_BLACKLIST": BlockedError,
    "ERR_SDK_GROUP_ATTR_FREQUENCY_LIMIT": FrequencyLimitError,
    "ERR_SVR_GROUP_ATTRIBUTE_WRITE_CONFILCT": GroupAttributeConflictError,
}

_INCLUDE = Path(__file__).resolve().parent / "engine" / "include"  # package data: always installed
_C_ROW = re.compile(r'X\(\s*(\w+)\s*,\s*(-?\d+)\s*,\s*((?:"[^"\\]*"\s*)+)\)')


def c_rows(header: str, table: str) -> list[tuple[str, int, str]]:
    """The rows ``X(name, value, meaning)`` of the X-macro ``table`` in a public header, in order:
    the C side's one place for each code."""
    text = (_INCLUDE / header).read_text(encoding="utf-8")
    definition = text.split(f"#define {table}(X)", 1)[1].replace("\\\n", " ").split("\n", 1)[0]
    return [(name, int(value), "".join(re.findall(r'"([^"]*)"', literals)))
            for name, value, literals in _C_ROW.findall(definition)]


#: Every code of the C rows but success: number, name and meaning from C, the exception from
#: ``EXCEPTION_OF`` (``TIMError`` for a code without a Python row, which a test forbids).
ERROR_CODES: tuple[ErrorCode, ...] = tuple(
    ErrorCode(value, name, meaning, EXCEPTION_OF.get(name, TIMError))
    for name, value, meaning in [*c_rows("TIMCloudDef.h", "TIMCONV_RESULT_CODES"),
                                 *c_rows("TIMErrorCode.h", "TIMCONV_ERROR_CODES")]
    if value != 0)

_BY_CODE: dict[int, ErrorCode] = {entry.code: entry for entry in ERROR_CODES}
#: code -> name, and code -> meaning (read-only views of ERROR_CODES).
CODE_NAMES: dict[Optional[int], str] = {0: "TIM_SUCC", **{e.code: e.name for e in ERROR_CODES}}
CODE_MEANINGS: dict[Optional[int], str] = {e.code: e.meaning for e in ERROR_CODES}


#: The names of every exception class above: the package exports exactly these (a class added
#: here is exported without another list to update).
EXCEPTION_NAMES: tuple[str, ...] = tuple(
    name for name, value in list(globals().items())
    if isinstance(value, type) and issubclass(value, Exception) and value.__module__ == __name__)

__all__ = [*EXCEPTION_NAMES, "ErrorCode", "ERROR_CODES", "EXCEPTION_OF", "error_for", "check"]


def error_for(code: int, desc: str = "", call: str = "") -> TIMError:
    """The exception for a non-zero code (TIMResult or callback code)."""
    entry = _BY_CODE.get(code)
    return (entry.error if entry is not None else TIMError)(code, desc, call)


def check(code: int, desc: str = "", call: str = "") -> None:
    """Raises the exception for ``code`` unless it is 0: the one way a TIMResult or a callback
    code becomes an exception."""
    if code != 0:
        raise error_for(code, desc, call)
