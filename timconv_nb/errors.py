"""Exceptions for the C API's codes: one hierarchy rooted at :class:`TIMError`, and one
function, :func:`error_for`, that turns any code into its exception.

Synchronous ``TIMResult`` codes are negative and callback codes (``TIMErrorCode.h``) are
positive, so one table serves both.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

__all__ = [
    "TIMError",
    "SDKNotInitializedError",
    "NotLoggedInError",
    "InvalidJSONError",
    "InvalidParameterError",
    "InvalidConversationError",
    "InvalidGroupError",
    "StorageError",
    "OutOfMemoryError",
    "SDKInternalError",
    "LoginInProgressError",
    "NotSupportedError",
    "UserSigError",
    "GroupNotFoundError",
    "GroupPermissionError",
    "GroupMembershipError",
    "RevokeTimeLimitError",
    "CallTimeoutError",
    "ClientAlreadyOpenError",
    "ErrorCode",
    "ERROR_CODES",
    "error_for",
    "check",
]


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

    def __reduce__(self):  # keep code, desc and call through pickling
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
    it (10007, 10009, 10032)."""


class GroupMembershipError(TIMError):
    """Already a member, or the group is full (10013, 10014)."""


class RevokeTimeLimitError(TIMError):
    """A message sent more than 2 minutes ago cannot be revoked (20016 C2C, 10031 group)."""


class CallTimeoutError(TIMError, TimeoutError):
    """A call did not call back within the client's timeout. Its outcome is unknown."""

    def __init__(self, code: Optional[int] = None, desc: str = "", call: str = "") -> None:
        super().__init__(None, desc or "no callback within the timeout; the call's outcome is unknown", call)


class ClientAlreadyOpenError(RuntimeError):
    """The C SDK is one instance per process and another Client holds it."""


class ErrorCode(NamedTuple):
    """One code of the C API: its number, its name in the C headers, what it means, and the
    exception it raises."""

    code: int
    name: str
    meaning: str
    error: type[TIMError]


#: Every code the wrapper knows: the one place a new code is added on the Python side
#: (``TIMErrorCode.h`` / ``TIMCloudDef.h`` are the C side's).
ERROR_CODES: tuple[ErrorCode, ...] = (
    ErrorCode(-1, "TIM_ERR_SDKUNINIT", "the SDK is not initialised (TIMInit has not succeeded, or TIMUninit ran)",
              SDKNotInitializedError),
    ErrorCode(-2, "TIM_ERR_NOTLOGIN", "nobody is logged in", NotLoggedInError),
    ErrorCode(-3, "TIM_ERR_JSON", "the JSON argument does not parse or has the wrong shape", InvalidJSONError),
    ErrorCode(-4, "TIM_ERR_PARAM", "an argument is missing, empty, too long or not UTF-8", InvalidParameterError),
    ErrorCode(-5, "TIM_ERR_CONV", "unknown conversation, or a conversation type other than C2C or Group",
              InvalidConversationError),
    ErrorCode(-6, "TIM_ERR_GROUP", "invalid group", InvalidGroupError),
    ErrorCode(6004, "ERR_INVALID_CONVERSATION", "unknown conversation", InvalidConversationError),
    ErrorCode(6013, "ERR_SDK_NOT_INITIALIZED", "the SDK was uninitialised before the call ran", SDKNotInitializedError),
    ErrorCode(6014, "ERR_SDK_NOT_LOGGED_IN", "nobody was logged in when the call ran", NotLoggedInError),
    ErrorCode(6017, "ERR_INVALID_PARAMETERS", "invalid parameters", InvalidParameterError),
    ErrorCode(6022, "ERR_IO_OPERATION_FAILED", "the local store could not be read or written", StorageError),
    ErrorCode(6027, "ERR_INVALID_JSON", "invalid JSON", InvalidJSONError),
    ErrorCode(6028, "ERR_OUT_OF_MEMORY", "out of memory", OutOfMemoryError),
    ErrorCode(7012, "ERR_SDK_INTERNAL_ERROR", "internal SDK error", SDKInternalError),
    ErrorCode(7013, "ERR_SDK_INTERFACE_NOT_SUPPORT", "the interface or operation is not available here",
              NotSupportedError),
    ErrorCode(7501, "ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS", "another login is in progress", LoginInProgressError),
    ErrorCode(70001, "ERR_SVR_ACCOUNT_USERSIG_EXPIRED", "the UserSig has expired", UserSigError),
    ErrorCode(70002, "ERR_SVR_ACCOUNT_USERSIG_EMPTY", "the UserSig is empty", UserSigError),
    ErrorCode(70003, "ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED", "the UserSig does not verify", UserSigError),
    ErrorCode(70009, "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY", "the UserSig was made with another key",
              UserSigError),
    ErrorCode(70013, "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID", "the UserSig was made for another user", UserSigError),
    ErrorCode(70014, "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID", "the UserSig was made for another app",
              UserSigError),
    ErrorCode(51006, "ERR_SVR_CONV_CONV_MARK_REQ_COUNT_EXCEED_LIMIT", "more than 100 conversations in one call",
              InvalidParameterError),
    ErrorCode(51008, "ERR_SVR_CONV_CONV_MARK_TOTAL_COUNT_EXCEED_LIMIT",
              "a conversation group holds at most 1,000 conversations", InvalidParameterError),
    ErrorCode(51009, "ERR_SVR_CONV_CONV_GROUP_NOT_EXIST", "no such conversation group", InvalidGroupError),
    ErrorCode(51010, "ERR_SVR_CONV_CONV_GROUP_TOTAL_COUNT_EXCEED_LIMIT", "more than 20 conversation groups",
              InvalidParameterError),
    ErrorCode(51011, "ERR_SVR_CONV_CONV_GROUP_NAME_EXCEED_LENGTH", "a conversation group name is longer than 32 bytes",
              InvalidParameterError),
    ErrorCode(20016, "ERR_SVR_MSG_REVOKE_TIME_LIMIT", "a C2C message older than 2 minutes cannot be revoked",
              RevokeTimeLimitError),
    ErrorCode(10004, "ERR_SVR_GROUP_INVALID_PARAMETERS", "a group parameter is out of range", InvalidParameterError),
    ErrorCode(10007, "ERR_SVR_GROUP_PERMISSION_DENY",
              "not a member, not the owner, or the group's type does not allow it", GroupPermissionError),
    ErrorCode(10009, "ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT", "the owner may not quit this type of group",
              GroupPermissionError),
    ErrorCode(10010, "ERR_SVR_GROUP_NOT_FOUND", "no such group, or it was dismissed", GroupNotFoundError),
    ErrorCode(10013, "ERR_SVR_GROUP_ALLREADY_MEMBER", "already a member of the group", GroupMembershipError),
    ErrorCode(10014, "ERR_SVR_GROUP_FULL_MEMBER_COUNT", "the group is full", GroupMembershipError),
    ErrorCode(10015, "ERR_SVR_GROUP_INVALID_GROUPID", "an invalid group id", InvalidParameterError),
    ErrorCode(10021, "ERR_SVR_GROUP_GROUPID_IN_USED", "the group id is in use", InvalidParameterError),
    ErrorCode(10030, "ERR_SVR_GROUP_REVOKE_MSG_NOT_FOUND", "no such message to revoke", InvalidParameterError),
    ErrorCode(10031, "ERR_SVR_GROUP_REVOKE_MSG_TIME_LIMIT", "a group message older than 2 minutes cannot be revoked",
              RevokeTimeLimitError),
    ErrorCode(10032, "ERR_SVR_GROUP_REVOKE_MSG_DENY", "this message cannot be revoked", GroupPermissionError),
)

_BY_CODE: dict[int, ErrorCode] = {entry.code: entry for entry in ERROR_CODES}
#: code -> name, and code -> meaning (read-only views of ERROR_CODES).
CODE_NAMES: dict[Optional[int], str] = {0: "TIM_SUCC", **{e.code: e.name for e in ERROR_CODES}}
CODE_MEANINGS: dict[Optional[int], str] = {e.code: e.meaning for e in ERROR_CODES}


def error_for(code: int, desc: str = "", call: str = "") -> TIMError:
    """The exception for a non-zero code (TIMResult or callback code)."""
    entry = _BY_CODE.get(code)
    return (entry.error if entry is not None else TIMError)(code, desc, call)


def check(code: int, desc: str = "", call: str = "") -> None:
    """Raises the exception for ``code`` unless it is 0: the one way a TIMResult or a callback
    code becomes an exception."""
    if code != 0:
        raise error_for(code, desc, call)
