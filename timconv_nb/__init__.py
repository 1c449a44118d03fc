"""timconv_nb: Tencent Cloud Chat's conversation C API as a Jupyter experience.

``Client`` over the local engine (or the vendor's libImSDK.so), conversation lists as pandas
DataFrames, and ipywidgets forms. The raw cffi binding is :mod:`timconv_nb.native`.
"""

import logging

from .client import DEFAULT_APP_ID, Client, Faults, default_data_dir
from .errors import (
    CallTimeoutError,
    ClientAlreadyOpenError,
    InvalidConversationError,
    InvalidJSONError,
    InvalidParameterError,
    LoginInProgressError,
    NotLoggedInError,
    SDKNotInitializedError,
    StorageError,
    TIMError,
    UserSigError,
)
from .frames import CONVERSATION_COLUMNS, conversations_frame
from .model import Conversation, ConvEvent, ConvType, Draft, LoginStatus, MarkType, Message
from .recording import CallRecord, Recorder

__version__ = "0.1.0"

# A library leaves output to the application: nothing is printed unless logging is configured.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Client",
    "DEFAULT_APP_ID",
    "default_data_dir",
    "Faults",
    "CallRecord",
    "Recorder",
    "TIMError",
    "UserSigError",
    "SDKNotInitializedError",
    "NotLoggedInError",
    "InvalidJSONError",
    "InvalidParameterError",
    "InvalidConversationError",
    "LoginInProgressError",
    "StorageError",
    "CallTimeoutError",
    "ClientAlreadyOpenError",
    "CONVERSATION_COLUMNS",
    "conversations_frame",
    "Conversation",
    "ConvEvent",
    "ConvType",
    "Draft",
    "LoginStatus",
    "MarkType",
    "Message",
]
