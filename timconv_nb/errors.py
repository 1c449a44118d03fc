"""Exceptions for the C API's codes: one hierarchy rooted at :class:`TIMError`, and one
function, :func:`error_for`, that turns any code into its exception.

Synchronous ``TIMResult`` codes are negative and callback codes (``TIMErrorCode.h``) are
positive, so one table serves both.
"""

from __future__ import annotations

from typing import Optional

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
    "UserSigError",
    "CallTimeoutError",
    "ClientAlreadyOpenError",
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


class LoginInProgressError(TIMError):
    """TIMLogin while another login is in progress (7501)."""


class UserSigError(TIMError, PermissionError):
    """The UserSig was refused: expired, empty, malformed, or made for another user, app or key
    (700xx)."""


class CallTimeoutError(TIMError, TimeoutError):
    """A call did not call back within the client's timeout. Its outcome is unknown."""

    def __init__(self, code: Optional[int] = None, desc: str = "", call: str = "") -> None:
        super().__init__(None, desc or "no callback within the timeout; the call's outcome is unknown", call)


class ClientAlreadyOpenError(RuntimeError):
    """The C SDK is one instance per process and another Client holds it."""


CODE_NAMES: dict[Optional[int], str] = {
    0: "TIM_SUCC",
    -1: "TIM_ERR_SDKUNINIT",
    -2: "TIM_ERR_NOTLOGIN",
    -3: "TIM_ERR_JSON",
    -4: "TIM_ERR_PARAM",
    -5: "TIM_ERR_CONV",
    -6: "TIM_ERR_GROUP",
    6004: "ERR_INVALID_CONVERSATION",
    6013: "ERR_SDK_NOT_INITIALIZED",
    6014: "ERR_SDK_NOT_LOGGED_IN",
    6017: "ERR_INVALID_PARAMETERS",
    6022: "ERR_IO_OPERATION_FAILED",
    6027: "ERR_INVALID_JSON",
    6028: "ERR_OUT_OF_MEMORY",
    7012: "ERR_SDK_INTERNAL_ERROR",
    7501: "ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS",
    70001: "ERR_SVR_ACCOUNT_USERSIG_EXPIRED",
    70002: "ERR_SVR_ACCOUNT_USERSIG_EMPTY",
    70003: "ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED",
    70009: "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY",
    70013: "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID",
    70014: "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID",
    51006: "ERR_SVR_CONV_CONV_MARK_REQ_COUNT_EXCEED_LIMIT",
    51008: "ERR_SVR_CONV_CONV_MARK_TOTAL_COUNT_EXCEED_LIMIT",
    51009: "ERR_SVR_CONV_CONV_GROUP_NOT_EXIST",
    51010: "ERR_SVR_CONV_CONV_GROUP_TOTAL_COUNT_EXCEED_LIMIT",
    51011: "ERR_SVR_CONV_CONV_GROUP_NAME_EXCEED_LENGTH",
}

CODE_MEANINGS: dict[Optional[int], str] = {
    -1: "the SDK is not initialised (TIMInit has not succeeded, or TIMUninit ran)",
    -2: "nobody is logged in",
    -3: "the JSON argument does not parse or has the wrong shape",
    -4: "an argument is missing, empty, too long or not UTF-8",
    -5: "unknown conversation, or a conversation type other than C2C or Group",
    -6: "invalid group",
    6004: "unknown conversation",
    6013: "the SDK was uninitialised before the call ran",
    6014: "nobody was logged in when the call ran",
    6017: "invalid parameters",
    6022: "the local store could not be read or written",
    6027: "invalid JSON",
    6028: "out of memory",
    7012: "internal SDK error",
    7501: "another login is in progress",
    51006: "more than 100 conversations in one call",
    51008: "a conversation group holds at most 1,000 conversations",
    51009: "no such conversation group",
    51010: "more than 20 conversation groups",
    51011: "a conversation group name is longer than 32 bytes",
}

_CLASSES: dict[int, type[TIMError]] = {
    -1: SDKNotInitializedError,
    6013: SDKNotInitializedError,
    -2: NotLoggedInError,
    6014: NotLoggedInError,
    -3: InvalidJSONError,
    6027: InvalidJSONError,
    -4: InvalidParameterError,
    6017: InvalidParameterError,
    -5: InvalidConversationError,
    6004: InvalidConversationError,
    -6: InvalidGroupError,
    6022: StorageError,
    6028: OutOfMemoryError,
    7012: SDKInternalError,
    7501: LoginInProgressError,
    70001: UserSigError,
    70002: UserSigError,
    70003: UserSigError,
    70009: UserSigError,
    70013: UserSigError,
    70014: UserSigError,
    51006: InvalidParameterError,
    51008: InvalidParameterError,
    51009: InvalidGroupError,
    51010: InvalidParameterError,
    51011: InvalidParameterError,
}


def error_for(code: int, desc: str = "", call: str = "") -> TIMError:
    """The exception for a non-zero code (TIMResult or callback code)."""
    return _CLASSES.get(code, TIMError)(code, desc, call)


def check(code: int, desc: str = "", call: str = "") -> None:
    """Raises the exception for ``code`` unless it is 0."""
    if code != 0:
        raise error_for(code, desc, call)
