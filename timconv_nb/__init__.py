"""timconv_nb: Tencent Cloud Chat's conversation C API as a Jupyter experience.

``Client`` over the local engine (or the vendor's libImSDK.so), conversation lists as pandas
DataFrames, and ipywidgets forms. The raw cffi binding is :mod:`timconv_nb.native`.

The names below load their module on first use, so that ``import timconv_nb.native`` (the raw
binding) needs neither pandas nor the client.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from . import errors  # a leaf: its exceptions are listed below by name

__version__ = "0.1.0"


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext timconv_nb``: the course's ``%%tim_c`` cell magic (:mod:`timconv_nb.course`)."""
    from .course import load_ipython_extension as load_course

    load_course(ipython)


# A library leaves output to the application: nothing is printed unless logging is configured.
logging.getLogger(__name__).addHandler(logging.NullHandler())

#: public name -> the module that defines it
_EXPORTS = {
    "Client": "client",
    "DEFAULT_APP_ID": "client",
    "default_data_dir": "client",
    "Faults": "faults",
    "CallRecord": "recording",
    "Recorder": "recording",
    **dict.fromkeys(errors.EXCEPTION_NAMES, "errors"),
    "CONVERSATION_DTYPES": "frames",
    "conversations_frame": "frames",
    "Conversation": "model",
    "ConvEvent": "model",
    "NetworkStatus": "events",
    "ConvType": "wire",
    "ConvKey": "wire",
    "Draft": "model",
    "LoginStatus": "model",
    "ReceiveOpt": "model",
    "GroupAtType": "model",
    "AT_ALL": "wire",
    "MarkType": "model",
    "Message": "model",
    "MessageStatus": "model",
    "RevokedMessage": "model",
    "GroupType": "membership",
    "GroupAddOption": "membership",
    "MemberRole": "membership",
    "GroupTipType": "membership",
    "Group": "membership",
    "JoinedGroup": "membership",
    "GroupMember": "membership",
    "GroupTip": "membership",
    "Classroom": "classroom",
}

__all__ = list(_EXPORTS)

if TYPE_CHECKING:  # what type checkers see of the names above (loaded on first use at run time)
    from .classroom import Classroom as Classroom
    from .client import DEFAULT_APP_ID as DEFAULT_APP_ID, Client as Client, default_data_dir as default_data_dir
    from .errors import (
        BlockedError as BlockedError,
        CallTimeoutError as CallTimeoutError,
        ClientAlreadyOpenError as ClientAlreadyOpenError,
        FrequencyLimitError as FrequencyLimitError,
        FriendshipError as FriendshipError,
        GroupAttributeConflictError as GroupAttributeConflictError,
        GroupMembershipError as GroupMembershipError,
        GroupNotFoundError as GroupNotFoundError,
        GroupPermissionError as GroupPermissionError,
        InvalidConversationError as InvalidConversationError,
        InvalidGroupError as InvalidGroupError,
        InvalidJSONError as InvalidJSONError,
        InvalidParameterError as InvalidParameterError,
        LoginInProgressError as LoginInProgressError,
        ModifyConflictError as ModifyConflictError,
        NotLoggedInError as NotLoggedInError,
        NotSupportedError as NotSupportedError,
        OutOfMemoryError as OutOfMemoryError,
        RevokeTimeLimitError as RevokeTimeLimitError,
        SDKInternalError as SDKInternalError,
        SDKNotInitializedError as SDKNotInitializedError,
        StorageError as StorageError,
        TIMError as TIMError,
        UserSigError as UserSigError,
    )
    from .events import NetworkStatus as NetworkStatus
    from .faults import Faults as Faults
    from .frames import CONVERSATION_DTYPES as CONVERSATION_DTYPES, conversations_frame as conversations_frame
    from .membership import (
        Group as Group,
        GroupAddOption as GroupAddOption,
        GroupMember as GroupMember,
        GroupTip as GroupTip,
        GroupTipType as GroupTipType,
        GroupType as GroupType,
        JoinedGroup as JoinedGroup,
        MemberRole as MemberRole,
    )
    from .model import (
        Conversation as Conversation,
        ConvEvent as ConvEvent,
        Draft as Draft,
        GroupAtType as GroupAtType,
        LoginStatus as LoginStatus,
        MarkType as MarkType,
        Message as Message,
        MessageStatus as MessageStatus,
        ReceiveOpt as ReceiveOpt,
        RevokedMessage as RevokedMessage,
    )
    from .recording import CallRecord as CallRecord, Recorder as Recorder
    from .wire import AT_ALL as AT_ALL, ConvKey as ConvKey, ConvType as ConvType


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'timconv_nb' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # found once; later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
