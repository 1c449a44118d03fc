"""The Pythonic client: one class over the local engine or any library with its C ABI.

Every call validates its arguments in Python, calls C through :mod:`timconv_nb.native`, and
turns the callback into a :class:`concurrent.futures.Future`. Sync methods wait on it with the
client's timeout and raise :class:`~timconv_nb.errors.CallTimeoutError` naming the call when it
expires; each has an ``*_async`` twin to ``await`` (also at a notebook's top level).

The C SDK is one instance per process, so at most one Client is open at a time: opening a
second raises :class:`~timconv_nb.errors.ClientAlreadyOpenError`, unless ``replace=True``
closes the first (handy when a notebook cell is run again).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import html
import json
import logging
import os
import threading
import weakref
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, ContextManager, Optional, Union

import orjson
import pandas as pd

from . import native
from .errors import CODE_MEANINGS, CallTimeoutError, ClientAlreadyOpenError, InvalidConversationError, error_for
from .frames import conversations_frame, messages_frame
from .model import Conversation, ConvEvent, ConvType, LoginStatus, Message, text_message
from .recording import Recorder

__all__ = ["Client", "DEFAULT_APP_ID", "default_data_dir", "EventHandler", "Faults"]

log = logging.getLogger(__name__)
engine_log = logging.getLogger("timconv_nb.engine")

#: App id of the local engine when none is given (any non-zero number works locally).
DEFAULT_APP_ID = 1400000001
ID_MAX_BYTES = 127

EventHandler = Callable[..., None]
#: The events ``Client.on`` accepts besides the conversation events (add, del, update, start,
#: finish), each with the global C callback that feeds it (see NativeLibrary.set_handler).
_EVENT_SOURCES = {
    "message": "recv_msg",
    "total_unread": "total_unread",
    "unread_by_filter": "unread_by_filter",
    "group_created": "group_created",
    "group_deleted": "group_deleted",
    "group_renamed": "group_renamed",
    "group_added": "group_added",
    "group_removed": "group_removed",
}
EVENTS = tuple(e.name.lower() for e in ConvEvent) + tuple(_EVENT_SOURCES)
#: The vendor's limit on conv_custom_data, in bytes.
CUSTOM_DATA_MAX_BYTES = 256
ConvTypeLike = Union[ConvType, int, str]

# TIMLogLevel -> logging level
_LOG_LEVELS = {0: logging.NOTSET, 1: logging.DEBUG, 2: logging.DEBUG, 3: logging.DEBUG, 4: logging.INFO,
               5: logging.WARNING, 6: logging.ERROR, 7: logging.CRITICAL}

# The one open client of this process (the C SDK's own state is per process).
_open_lock = threading.Lock()
_open_client: Optional["weakref.ref[Client]"] = None


def default_data_dir() -> Path:
    """Where the local engine keeps its stores unless told otherwise: ``$TIMCONV_DATA_DIR``, else
    ``$XDG_DATA_HOME/timconv_nb`` (``~/.local/share/timconv_nb``)."""
    if os.environ.get("TIMCONV_DATA_DIR"):
        return Path(os.environ["TIMCONV_DATA_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "timconv_nb"


def _check_id(value: Any, what: str) -> bytes:
    """A user or conversation id as the bytes C expects, or TypeError/ValueError saying why not."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{what} must not contain NUL characters: {value!r}")
    try:
        encoded = value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{what} is not valid Unicode text: {exc}") from None
    if not 1 <= len(encoded) <= ID_MAX_BYTES:
        raise ValueError(f"{what} must be 1 to {ID_MAX_BYTES} bytes of UTF-8, not {len(encoded)}: {value!r}")
    return encoded


def _check_text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{what} must not contain NUL characters")
    return value


def _epoch_seconds(value: Union[None, int, float, datetime], what: str) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{what} must be timezone-aware (e.g. datetime.now(timezone.utc))")
        value = value.timestamp()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a datetime or seconds since the epoch, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{what} must not be before 1970")
    return int(value)


def _check_message(message: Any) -> dict:
    """A Message dict for a draft: an object with a list of element objects, each with an int
    elem_type."""
    if not isinstance(message, dict):
        raise TypeError(f"a draft message must be a dict, not {type(message).__name__}")
    elems = message.get("message_elem_array")
    if not isinstance(elems, list):
        raise ValueError("a draft message needs a 'message_elem_array' list")
    for elem in elems:
        if not isinstance(elem, dict) or isinstance(elem.get("elem_type"), bool) or not isinstance(elem.get("elem_type"), int):
            raise ValueError(f"each element of 'message_elem_array' needs an int 'elem_type': {elem!r}")
    return message


class _LoopBridge:
    """Hands call results from the engine's thread to one asyncio loop, waking the loop once per
    batch of results (``call_soon_threadsafe`` writes to the loop's wake-up pipe each time)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._lock = threading.Lock()  # guards _pending
        self._pending: list = []

    def deliver(self, future: "asyncio.Future[Any]", value: Any, error: Optional[BaseException]) -> None:
        """Any thread: sets the future's result (or exception) on the loop soon."""
        with self._lock:
            first = not self._pending
            self._pending.append((future, value, error))
        if first:
            try:
                self._loop.call_soon_threadsafe(self._drain)
            except RuntimeError:  # the loop is closed: nobody is waiting any more
                log.debug("a call answered after its event loop closed")

    def _drain(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, []
        for future, value, error in batch:
            if future.cancelled():
                continue
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(value)


class Client:
    """A session with the conversation API of the local engine (default) or of a library
    with the same C ABI opened by path (``library=`` or ``$TIMCONV_SDK_LIB``).

    Calls TIMInit when created and TIMUninit on :meth:`close` (or leaving a ``with`` block).
    With ``secret_key`` (local engine only, for teaching) logins must bring a valid UserSig
    (:func:`timconv_nb.usersig.gen_user_sig`), as on the real service.
    """

    def __init__(
        self,
        data_dir: Union[str, os.PathLike, None] = None,
        app_id: int = DEFAULT_APP_ID,
        *,
        library: Union[str, os.PathLike, None] = None,
        timeout: float = 10.0,
        replace: bool = False,
        secret_key: Optional[str] = None,
    ) -> None:
        if isinstance(app_id, bool) or not isinstance(app_id, int):
            raise TypeError(f"app_id must be int, not {type(app_id).__name__}")
        if not 0 < app_id < 2**64:
            raise ValueError(f"app_id must be a positive 64-bit number, not {app_id}")
        self.timeout = self._check_timeout(timeout)
        self.app_id = app_id
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self._handlers: dict[str, list[EventHandler]] = {event: [] for event in EVENTS}
        self._handlers_lock = threading.Lock()
        self._engine_thread: Optional[int] = None  # learnt from the first callback
        # One bridge per event loop that awaits this client's calls (see _start_async).
        self._bridges: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopBridge]" = weakref.WeakKeyDictionary()
        self._bridges_lock = threading.Lock()
        self._closed = True
        self._claim_process_slot(replace)
        try:
            self.native = native.open_library(library or os.environ.get("TIMCONV_SDK_LIB") or None)
            self.native.set_log_handler(self._on_log)
            self.data_dir.mkdir(parents=True, exist_ok=True)
            settings: dict[str, Any] = {"sdk_config_config_file_path": str(self.data_dir.resolve())}
            if secret_key is not None:
                if not self.native.is_local_engine:
                    raise ValueError("secret_key is for the local engine; Tencent's servers hold the real one")
                settings["timconv_secret_key"] = _check_text(secret_key, "secret_key")
            config = json.dumps(settings).encode()
            result = self.native.lib.TIMInit(app_id, config)
            if result != 0:
                raise error_for(result, call="TIMInit")
        except BaseException:
            self._release_process_slot()
            raise
        self._closed = False
        log.info("opened %s (app id %s, data in %s)", self.version, app_id, self.data_dir)

    @staticmethod
    def library_info(library: Union[str, os.PathLike, None] = None) -> dict:
        """What a Client would run on, without starting it (no TIMInit, so safe on the vendor
        library too): its path, ``TIMGetSDKVersion()``, and whether it is the local engine."""
        lib = native.open_library(library or os.environ.get("TIMCONV_SDK_LIB") or None)
        return {"path": lib.path, "version": lib.version(), "is_local": lib.is_local_engine}

    # ---- the process-wide slot ----

    def _claim_process_slot(self, replace: bool) -> None:
        global _open_client
        with _open_lock:
            current = _open_client() if _open_client is not None else None
            if current is not None and not current._closed:
                if not replace:
                    raise ClientAlreadyOpenError(
                        f"another Client is open in this process ({current!r}); the C SDK is one instance per "
                        "process: close it first (client.close()), or pass replace=True to close it and open this one"
                    )
                current._close_locked()
            _open_client = weakref.ref(self)

    def _release_process_slot(self) -> None:
        global _open_client
        with _open_lock:
            if _open_client is not None and _open_client() is self:
                _open_client = None

    # ---- lifecycle ----

    def close(self) -> None:
        """TIMUninit: waits until every accepted call has called back and releases every
        handle. Closing twice is harmless."""
        with _open_lock:
            self._close_locked()

    def _close_locked(self) -> None:
        global _open_client
        if self._closed:
            return
        self._closed = True
        result = self.native.lib.TIMUninit()
        for kind in self.native.global_handlers:
            self.native.set_handler(kind, None)
        if _open_client is not None and _open_client() is self:
            _open_client = None
        if result != 0:
            raise error_for(result, call="TIMUninit")
        log.info("closed %s", self.version)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._closed

    # ---- facts ----

    @property
    def version(self) -> str:
        """The library's TIMGetSDKVersion()."""
        return self.native.version()

    @property
    def is_local(self) -> bool:
        """True on the local engine, False on another library (the vendor's)."""
        return self.native.is_local_engine

    @property
    def login_status(self) -> LoginStatus:
        return LoginStatus(self.native.lib.TIMGetLoginStatus())

    @property
    def user_id(self) -> Optional[str]:
        """The logged-in user, or None."""
        buffer = native.ffi.new("char[128]")
        if self._closed or self.native.lib.TIMGetLoginUserID(buffer) != 0:
            return None
        return native.ffi.string(buffer).decode("utf-8", "replace")

    def _facts(self) -> list[tuple[str, Any]]:
        state = "closed" if self._closed else (self.user_id or "nobody logged in")
        return [
            ("library", f"{'local engine' if self.is_local else 'vendor SDK'}: {self.version}"),
            ("path", self.native.path),
            ("app id", self.app_id),
            ("user", state),
        ]

    def __repr__(self) -> str:
        facts = dict(self._facts())
        return f"<Client {facts['library']!r} app_id={self.app_id} user={facts['user']!r}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
            for k, v in self._facts()
        )
        return f"<table class='tc-client'>{rows}</table>"

    # ---- the call plumbing ----

    @staticmethod
    def _check_timeout(timeout: Any) -> float:
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
        return float(timeout)

    def _start(self, name: str, *args: Any, parse: bool = True) -> "concurrent.futures.Future[Any]":
        """Calls ``name`` and returns a future of its callback JSON, parsed (None for "") or, with
        parse=False, as text. A refused call raises at once; a failed one sets the exception on
        the future."""
        future: concurrent.futures.Future = concurrent.futures.Future()

        def on_done(code: int, desc: str, payload: str) -> None:
            self._engine_thread = threading.get_ident()
            if code != 0:
                future.set_exception(error_for(code, desc, name))
                return
            try:
                future.set_result((orjson.loads(payload) if payload else None) if parse else payload)
            except ValueError as exc:
                future.set_exception(exc)

        result = self.native.call(name, *args, on_done=on_done)
        if result != 0:
            raise error_for(result, call=name)
        return future

    def on_engine_thread(self) -> bool:
        """True inside event handlers and callbacks: the engine's own thread."""
        return self._engine_thread == threading.get_ident()

    def _call(self, name: str, *args: Any, parse: bool = True) -> Any:
        """Calls ``name`` and waits for its callback (the sync methods). The wait happens in C
        with the GIL released (``NativeLibrary.call_and_wait``)."""
        if self.on_engine_thread():
            raise RuntimeError(
                f"{name}: a blocking call from an event handler would wait for the engine's own thread; "
                "use the *_async method without waiting, or hand the work to another thread"
            )
        result, reply = self.native.call_and_wait(name, *args, timeout=self.timeout)
        if result != 0:
            raise error_for(result, call=name)
        if reply is None:
            raise CallTimeoutError(call=name, desc=f"no callback within {self.timeout:g}s; its outcome is unknown")
        code, desc, payload = reply
        if code != 0:
            raise error_for(code, desc, name)
        return (orjson.loads(payload) if payload else None) if parse else payload

    def _start_async(self, name: str, *args: Any, parse: bool = True) -> "asyncio.Future[Any]":
        """Calls ``name`` and returns an asyncio future of its callback JSON (as ``_start``), on
        the running loop. Results reach the loop through a _LoopBridge: one wake-up per batch of
        answers instead of one per answer (10,000 creates awaited at once: 4,650 -> 12,100/s)."""
        loop = asyncio.get_running_loop()
        with self._bridges_lock:
            bridge = self._bridges.get(loop)
            if bridge is None:
                bridge = self._bridges[loop] = _LoopBridge(loop)
        future = loop.create_future()

        def on_done(code: int, desc: str, payload: str) -> None:
            self._engine_thread = threading.get_ident()
            if code != 0:
                bridge.deliver(future, None, error_for(code, desc, name))
                return
            try:
                bridge.deliver(future, (orjson.loads(payload) if payload else None) if parse else payload, None)
            except ValueError as exc:
                bridge.deliver(future, None, exc)

        result = self.native.call(name, *args, on_done=on_done)
        if result != 0:
            raise error_for(result, call=name)
        return future

    def _sync(self, name: str, conv_id: bytes, conv_type: ConvType, *args: Any) -> None:
        """A synchronous C call on one conversation (the draft calls): raises unless it
        returns TIM_SUCC, naming the conversation."""
        result = getattr(self.native.lib, name)(conv_id, conv_type, *args)
        if result != 0:
            key = f"{conv_type.prefix}_{conv_id.decode()}"
            raise error_for(result, f"{CODE_MEANINGS.get(result, 'refused')} (conversation {key})", name)

    def _sync_call(self, name: str, *args: Any) -> None:
        """A synchronous C call without a callback: raises unless it returns TIM_SUCC."""
        result = getattr(self.native.lib, name)(*args)
        if result != 0:
            raise error_for(result, call=name)

    # ---- login ----

    def login(self, user_id: str, user_sig: str = "") -> None:
        """TIMLogin. On the local engine any ``user_sig`` is accepted."""
        self._call("TIMLogin", _check_id(user_id, "user_id"), _check_text(user_sig, "user_sig").encode())

    async def login_async(self, user_id: str, user_sig: str = "") -> None:
        await self._start_async("TIMLogin", _check_id(user_id, "user_id"), _check_text(user_sig, "user_sig").encode())

    def logout(self) -> None:
        """TIMLogout (succeeds with nobody logged in)."""
        self._call("TIMLogout")

    async def logout_async(self) -> None:
        await self._start_async("TIMLogout")

    # ---- conversations ----

    @staticmethod
    def _key(conv_id: str, conv_type: ConvTypeLike) -> tuple[bytes, ConvType]:
        return _check_id(conv_id, "conv_id"), ConvType.parse(conv_type)

    def create_conversation(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> Conversation:
        """TIMConvCreate: creates the conversation, or gets it when it exists."""
        return Conversation.from_json(self._call("TIMConvCreate", *self._key(conv_id, conv_type)))

    async def create_conversation_async(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> Conversation:
        return Conversation.from_json(await self._start_async("TIMConvCreate", *self._key(conv_id, conv_type)))

    def delete_conversation(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> None:
        """TIMConvDelete. Unknown: InvalidConversationError (a LookupError)."""
        self._call("TIMConvDelete", *self._key(conv_id, conv_type))

    async def delete_conversation_async(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> None:
        await self._start_async("TIMConvDelete", *self._key(conv_id, conv_type))

    def conversation_list(self) -> list[Conversation]:
        """TIMConvGetConvList as value objects."""
        return [Conversation.from_json(info) for info in self._call("TIMConvGetConvList")]

    async def conversation_list_async(self) -> list[Conversation]:
        return [Conversation.from_json(info) for info in await self._start_async("TIMConvGetConvList")]

    def conversations(self) -> pd.DataFrame:
        """TIMConvGetConvList as a DataFrame (schema: docs/api.md)."""
        return conversations_frame(self._call("TIMConvGetConvList", parse=False))

    async def conversations_async(self) -> pd.DataFrame:
        return conversations_frame(await self._start_async("TIMConvGetConvList", parse=False))

    def _info_param(self, conv_id: str, conv_type: ConvTypeLike) -> bytes:
        key, kind = self._key(conv_id, conv_type)
        return json.dumps([{"get_conversation_list_param_conv_id": key.decode(),
                            "get_conversation_list_param_conv_type": int(kind)}]).encode()

    @staticmethod
    def _one(found: list, conv_id: str, conv_type: ConvTypeLike) -> Conversation:
        if not found:
            raise InvalidConversationError(6004, f"no {ConvType.parse(conv_type).prefix} conversation {conv_id!r}",
                                           "TIMConvGetConvInfo")
        return Conversation.from_json(found[0])

    def conversation(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> Conversation:
        """TIMConvGetConvInfo for one conversation. Unknown: InvalidConversationError."""
        return self._one(self._call("TIMConvGetConvInfo", self._info_param(conv_id, conv_type)), conv_id, conv_type)

    async def conversation_async(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> Conversation:
        found = await self._start_async("TIMConvGetConvInfo", self._info_param(conv_id, conv_type))
        return self._one(found, conv_id, conv_type)

    # ---- drafts ----

    def set_draft(
        self,
        conv_id: str,
        draft: Union[str, dict],
        conv_type: ConvTypeLike = ConvType.C2C,
        *,
        user_define: str = "",
        edit_time: Union[None, int, float, datetime] = None,
    ) -> None:
        """TIMConvSetDraft: ``draft`` is plain text or a Message dict; ``edit_time`` defaults to
        now. Synchronous in C: when it returns, a later list sees the draft."""
        key, kind = self._key(conv_id, conv_type)
        message = text_message(_check_text(draft, "draft")) if isinstance(draft, str) else _check_message(draft)
        body: dict[str, Any] = {"draft_msg": message, "draft_user_define": _check_text(user_define, "user_define")}
        seconds = _epoch_seconds(edit_time, "edit_time")
        if seconds is not None:
            body["draft_edit_time"] = seconds
        self._sync("TIMConvSetDraft", key, kind, json.dumps(body, ensure_ascii=False).encode())

    async def set_draft_async(self, *args: Any, **kwargs: Any) -> None:
        """The C call is synchronous; this twin exists so every call can be awaited."""
        self.set_draft(*args, **kwargs)

    def cancel_draft(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> None:
        """TIMConvCancelDraft (no draft: nothing happens)."""
        self._sync("TIMConvCancelDraft", *self._key(conv_id, conv_type))

    async def cancel_draft_async(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> None:
        self.cancel_draft(conv_id, conv_type)

    # ---- messages ----

    def send_message(self, conv_id: str, message: dict, conv_type: ConvTypeLike = ConvType.C2C) -> Message:
        """TIMMsgSendMessage with a Message dict (``{"message_elem_array": [...]}``); creates the
        conversation if needed. On the local engine the peer (or the group's local members)
        receives it."""
        key, kind = self._key(conv_id, conv_type)
        body = json.dumps(_check_message(message), ensure_ascii=False).encode()
        return Message.from_json(self._call("TIMMsgSendMessage", key, kind, body, native.ffi.NULL))

    async def send_message_async(self, conv_id: str, message: dict, conv_type: ConvTypeLike = ConvType.C2C) -> Message:
        key, kind = self._key(conv_id, conv_type)
        body = json.dumps(_check_message(message), ensure_ascii=False).encode()
        return Message.from_json(await self._start_async("TIMMsgSendMessage", key, kind, body, native.ffi.NULL))

    def send_text(self, conv_id: str, text: str, conv_type: ConvTypeLike = ConvType.C2C) -> Message:
        """Sends a text message (see :meth:`send_message`)."""
        return self.send_message(conv_id, text_message(_check_text(text, "text")), conv_type)

    async def send_text_async(self, conv_id: str, text: str, conv_type: ConvTypeLike = ConvType.C2C) -> Message:
        return await self.send_message_async(conv_id, text_message(_check_text(text, "text")), conv_type)

    @staticmethod
    def _msg_list_param(count: int) -> bytes:
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 1_000_000:
            raise ValueError(f"count must be an int from 1 to 1,000,000, not {count!r}")
        return json.dumps({"msg_getmsglist_param_count": count}).encode()

    def messages(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, count: int = 20) -> pd.DataFrame:
        """TIMMsgGetMsgList: the newest ``count`` messages as a DataFrame (schema: docs/api.md)."""
        key, kind = self._key(conv_id, conv_type)
        return messages_frame(self._call("TIMMsgGetMsgList", key, kind, self._msg_list_param(count), parse=False))

    async def messages_async(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, count: int = 20) -> pd.DataFrame:
        key, kind = self._key(conv_id, conv_type)
        return messages_frame(await self._start_async("TIMMsgGetMsgList", key, kind, self._msg_list_param(count),
                                                            parse=False))

    def mark_read(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> None:
        """TIMMsgReportReaded: the conversation's unread count drops to 0."""
        self._call("TIMMsgReportReaded", *self._key(conv_id, conv_type), native.ffi.NULL)

    async def mark_read_async(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> None:
        await self._start_async("TIMMsgReportReaded", *self._key(conv_id, conv_type), native.ffi.NULL)

    def mark_all_read(self) -> None:
        """TIMMsgMarkAllMessageAsRead."""
        self._call("TIMMsgMarkAllMessageAsRead")

    async def mark_all_read_async(self) -> None:
        await self._start_async("TIMMsgMarkAllMessageAsRead")

    # ---- pinning, unread, batch delete, paging ----

    def pin(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, pinned: bool = True) -> None:
        """TIMConvPinConversation: pinned conversations list first."""
        self._call("TIMConvPinConversation", *self._key(conv_id, conv_type), bool(pinned))

    async def pin_async(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, pinned: bool = True) -> None:
        await self._start_async("TIMConvPinConversation", *self._key(conv_id, conv_type), bool(pinned))

    @staticmethod
    def _unread_total(result: dict) -> int:
        """The count in a GetTotalUnreadNumberResult (both unread calls answer with one)."""
        return int(result["conv_get_total_unread_message_count_result_unread_count"])

    def total_unread(self) -> int:
        """TIMConvGetTotalUnreadMessageCount."""
        return self._unread_total(self._call("TIMConvGetTotalUnreadMessageCount"))

    async def total_unread_async(self) -> int:
        result = await self._start_async("TIMConvGetTotalUnreadMessageCount")
        return self._unread_total(result)

    @staticmethod
    def _keys_param(keys: Any) -> bytes:
        if isinstance(keys, (str, bytes)):
            raise TypeError("keys must be a list of conversation ids like 'c2c_bob', not a single string")
        keys = list(keys)
        for key in keys:
            _check_id(key, "conversation id")
        if len(keys) > 100:
            raise ValueError(f"at most 100 conversations per call, not {len(keys)}")
        return json.dumps(keys, ensure_ascii=False).encode()

    @staticmethod
    def _batch_results(results: list, call: str) -> dict:
        return {
            r["conversation_operation_result_conversation_id"]:
                None if r["conversation_operation_result_result_code"] == 0
                else error_for(r["conversation_operation_result_result_code"],
                               r["conversation_operation_result_result_info"], call)
            for r in results
        }

    def delete_conversations(self, keys: Any, clear_messages: bool = True) -> dict:
        """TIMConvDeleteConversationList for up to 100 ids like ``"c2c_bob"``/``"group_team"``.
        Returns {id: None on success, else the TIMError for that id}."""
        return self._batch_results(self._call("TIMConvDeleteConversationList", self._keys_param(keys), bool(clear_messages)),
                                   "TIMConvDeleteConversationList")

    async def delete_conversations_async(self, keys: Any, clear_messages: bool = True) -> dict:
        results = await self._start_async("TIMConvDeleteConversationList", self._keys_param(keys),
                                          bool(clear_messages))
        return self._batch_results(results, "TIMConvDeleteConversationList")

    def _batch(self, name: str, *args: Any) -> dict:
        """A batch call, waited for: {id: None or the TIMError for that id}."""
        return self._batch_results(self._call(name, *args), name)

    async def _batch_async(self, name: str, *args: Any) -> dict:
        return self._batch_results(await self._start_async(name, *args), name)

    @staticmethod
    def _mark_args(keys: Any, mark: int, enable: bool) -> tuple:
        if isinstance(mark, bool) or not isinstance(mark, int) or not 0 < mark < 2**63:
            raise ValueError(f"mark must be a positive int below 2**63 (one bit), not {mark!r}")
        return Client._keys_param(keys), mark, bool(enable)

    def mark_conversations(self, keys: Any, mark: int, enable: bool = True) -> dict:
        """TIMConvMarkConversation: sets (or clears) a mark (``MarkType.STAR``, ..., or a custom
        bit) on up to 100 conversations. Returns {id: None or TIMError}."""
        return self._batch("TIMConvMarkConversation", *self._mark_args(keys, mark, enable))

    async def mark_conversations_async(self, keys: Any, mark: int, enable: bool = True) -> dict:
        return await self._batch_async("TIMConvMarkConversation", *self._mark_args(keys, mark, enable))

    @staticmethod
    def _custom_data_args(keys: Any, data: str) -> tuple:
        encoded = _check_text(data, "custom data").encode("utf-8")
        if len(encoded) > CUSTOM_DATA_MAX_BYTES:
            raise ValueError(f"custom data is at most {CUSTOM_DATA_MAX_BYTES} bytes of UTF-8, not {len(encoded)}")
        return Client._keys_param(keys), encoded

    def set_custom_data(self, keys: Any, data: str) -> dict:
        """TIMConvSetConversationCustomData: the ``custom_data`` column of up to 100
        conversations (at most 256 bytes; "" clears it). Returns {id: None or TIMError}."""
        return self._batch("TIMConvSetConversationCustomData", *self._custom_data_args(keys, data))

    async def set_custom_data_async(self, keys: Any, data: str) -> dict:
        return await self._batch_async("TIMConvSetConversationCustomData", *self._custom_data_args(keys, data))

    @staticmethod
    def _group_args(name: str, keys: Any) -> tuple:
        return _check_id(name, "group name"), Client._keys_param(keys)

    def create_conversation_group(self, name: str, keys: Any) -> dict:
        """TIMConvCreateConversationGroup: a named group (1 to 32 bytes; at most 20 groups) of
        conversations. Returns {id: None or TIMError}."""
        return self._batch("TIMConvCreateConversationGroup", *self._group_args(name, keys))

    async def create_conversation_group_async(self, name: str, keys: Any) -> dict:
        return await self._batch_async("TIMConvCreateConversationGroup", *self._group_args(name, keys))

    def add_to_conversation_group(self, name: str, keys: Any) -> dict:
        """TIMConvAddConversationsToGroup (a group holds at most 1,000 conversations: past it,
        error 51008 for those ids). Returns {id: None or TIMError}."""
        return self._batch("TIMConvAddConversationsToGroup", *self._group_args(name, keys))

    async def add_to_conversation_group_async(self, name: str, keys: Any) -> dict:
        return await self._batch_async("TIMConvAddConversationsToGroup", *self._group_args(name, keys))

    def remove_from_conversation_group(self, name: str, keys: Any) -> dict:
        """TIMConvDeleteConversationsFromGroup (one not in the group succeeds unchanged).
        Returns {id: None or TIMError}."""
        return self._batch("TIMConvDeleteConversationsFromGroup", *self._group_args(name, keys))

    async def remove_from_conversation_group_async(self, name: str, keys: Any) -> dict:
        return await self._batch_async("TIMConvDeleteConversationsFromGroup", *self._group_args(name, keys))

    def conversation_groups(self) -> list[str]:
        """TIMConvGetConversationGroupList: the group names, in name order."""
        return list(self._call("TIMConvGetConversationGroupList"))

    async def conversation_groups_async(self) -> list[str]:
        return list(await self._start_async("TIMConvGetConversationGroupList"))

    def delete_conversation_group(self, name: str) -> None:
        """TIMConvDeleteConversationGroup: its conversations stay, outside any group of that name."""
        self._call("TIMConvDeleteConversationGroup", _check_id(name, "group name"))

    async def delete_conversation_group_async(self, name: str) -> None:
        await self._start_async("TIMConvDeleteConversationGroup", _check_id(name, "group name"))

    def rename_conversation_group(self, old_name: str, new_name: str) -> None:
        """TIMConvRenameConversationGroup."""
        self._call("TIMConvRenameConversationGroup", _check_id(old_name, "old group name"),
                   _check_id(new_name, "new group name"))

    async def rename_conversation_group_async(self, old_name: str, new_name: str) -> None:
        await self._start_async("TIMConvRenameConversationGroup", _check_id(old_name, "old group name"),
                                      _check_id(new_name, "new group name"))

    # ---- filters, unread by filter, cleaning unread ----

    @staticmethod
    def _filter_param(conv_type: Optional[ConvTypeLike], has_unread: bool, mark: int, group: str) -> bytes:
        body: dict[str, Any] = {}
        if conv_type is not None:
            body["conversation_list_filter_conv_type"] = int(ConvType.parse(conv_type))
        if has_unread:
            body["conversation_list_filter_has_unread_count"] = True
        if mark:
            body["conversation_list_filter_mark_type"] = int(mark)
        if group:
            body["conversation_list_filter_conversation_group"] = _check_text(group, "group")
        return json.dumps(body, ensure_ascii=False).encode()

    def unread_count(self, *, conv_type: Optional[ConvTypeLike] = None, mark: int = 0, group: str = "") -> int:
        """TIMConvGetUnreadMessageCountByFilter: the unread total of the conversations passing
        the filter (no filter: the same as :meth:`total_unread`)."""
        result = self._call("TIMConvGetUnreadMessageCountByFilter", self._filter_param(conv_type, False, mark, group))
        return self._unread_total(result)

    async def unread_count_async(self, *, conv_type: Optional[ConvTypeLike] = None, mark: int = 0,
                                 group: str = "") -> int:
        result = await self._start_async("TIMConvGetUnreadMessageCountByFilter",
                                               self._filter_param(conv_type, False, mark, group))
        return self._unread_total(result)

    def subscribe_unread(self, *, conv_type: Optional[ConvTypeLike] = None, mark: int = 0, group: str = "") -> None:
        """TIMConvSubscribeUnreadMessageCountByFilter: from now on the ``unread_by_filter`` event
        tells each change of this filter's unread total (at most 32 filters at once)."""
        self._sync_call("TIMConvSubscribeUnreadMessageCountByFilter", self._filter_param(conv_type, False, mark, group))

    def unsubscribe_unread(self, *, conv_type: Optional[ConvTypeLike] = None, mark: int = 0, group: str = "") -> None:
        """TIMConvUnsubscribeUnreadMessageCountByFilter (not subscribed: nothing happens)."""
        self._sync_call("TIMConvUnsubscribeUnreadMessageCountByFilter",
                        self._filter_param(conv_type, False, mark, group))

    @staticmethod
    def _clean_args(conversation: str, timestamp: Union[int, float, datetime], sequence: int) -> tuple:
        if conversation not in ("", "c2c", "group"):
            _check_id(conversation, "conversation")
            if not conversation.startswith(("c2c_", "group_")):
                raise ValueError(f"conversation must be 'c2c_<id>', 'group_<id>', 'c2c', 'group' or '', "
                                 f"not {conversation!r}")
        if isinstance(sequence, bool) or not isinstance(sequence, int) or not 0 <= sequence < 2**64:
            raise ValueError(f"sequence must be a message seq (an int >= 0), not {sequence!r}")
        return conversation.encode("utf-8"), _epoch_seconds(timestamp, "timestamp") or 0, sequence

    def clean_unread(self, conversation: str = "", *, timestamp: Union[int, float, datetime] = 0,
                     sequence: int = 0) -> None:
        """TIMConvCleanConversationUnreadMessageCount: marks read the messages of one conversation
        (``"c2c_bob"``), of every c2c or group conversation (``"c2c"``, ``"group"``), or of all
        (``""``); a c2c conversation up to ``timestamp``, a group up to message ``sequence``
        (0: everything)."""
        self._call("TIMConvCleanConversationUnreadMessageCount", *self._clean_args(conversation, timestamp, sequence))

    async def clean_unread_async(self, conversation: str = "", *, timestamp: Union[int, float, datetime] = 0,
                                 sequence: int = 0) -> None:
        await self._start_async("TIMConvCleanConversationUnreadMessageCount",
                                      *self._clean_args(conversation, timestamp, sequence))

    def conversation_page(
        self,
        next_seq: int = 0,
        count: int = 100,
        *,
        conv_type: Optional[ConvTypeLike] = None,
        has_unread: bool = False,
        mark: int = 0,
        group: str = "",
    ) -> tuple[pd.DataFrame, int, bool]:
        """TIMConvGetConversationListByFilter: one page as (frame, next_seq, finished)."""
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count < 2**32:
            raise ValueError(f"count must be a positive int, not {count!r}")
        result = self._call("TIMConvGetConversationListByFilter", self._filter_param(conv_type, has_unread, mark, group),
                            int(next_seq), count)
        return (conversations_frame(result["conversation_list_result_conv_list"]),
                int(result["conversation_list_result_next_seq"]), bool(result["conversation_list_result_is_finished"]))

    def iter_conversation_pages(self, page_size: int = 100, **filters: Any):
        """Yields the filtered list page by page (DataFrames), each conversation once, in order.
        Filters as for :meth:`conversation_page`."""
        next_seq = 0
        while True:
            frame, next_seq, finished = self.conversation_page(next_seq, page_size, **filters)
            if len(frame):
                yield frame
            if finished:
                return

    # ---- the local engine's clock ----

    def set_clock(self, when: Union[None, int, float, datetime]) -> None:
        """Local engine only: makes its clock read ``when`` (a timezone-aware datetime or epoch
        seconds) until set again; None returns to the real clock. For reproducible notebooks."""
        if not self.is_local:
            raise NotImplementedError("set_clock is an extension of the local engine; the vendor SDK has no such call")
        seconds = _epoch_seconds(when, "when")
        self.native.lib.timconv_set_clock(seconds or 0)

    # ---- recording the C traffic, scripted faults ----

    @property
    def recorder(self) -> Optional[Recorder]:
        """The recorder of this client's C traffic, or None when not recording."""
        return self.native.recorder

    def start_recording(self, recorder: Optional[Recorder] = None) -> Recorder:
        """Records every C call, callback and event from now on (see timconv_nb.recording)."""
        return self.native.start_recording(recorder)

    def stop_recording(self) -> Optional[Recorder]:
        """Stops recording; returns the recorder with what it recorded."""
        return self.native.stop_recording()

    def recording(self, recorder: Optional[Recorder] = None) -> ContextManager[Recorder]:
        """``with client.recording() as recorder:`` records the C traffic of the block."""
        return self.native.recording(recorder)

    @property
    def faults(self) -> "Faults":
        """Scripted faults of the local engine, to show failure on demand (see :class:`Faults`)."""
        if not self.is_local:
            raise NotImplementedError("scripted faults are an extension of the local engine; the vendor SDK has none")
        return Faults(self)

    # ---- events ----

    def on(self, event: Union[ConvEvent, str], handler: EventHandler) -> EventHandler:
        """Subscribes ``handler`` to an event and returns it (usable as a decorator):

        * ``"add"``, ``"del"``, ``"update"`` (or a ConvEvent): ``handler(event, conversations)``;
        * ``"message"``: ``handler(messages)``, new messages for the logged-in user;
        * ``"total_unread"``: ``handler(total)``, when the unread total changes;
        * ``"unread_by_filter"``: ``handler(filter, total)``, when the total of a filter given to
          :meth:`subscribe_unread` changes (``filter``: dict with conv_type, mark and group);
        * ``"group_created"``, ``"group_added"``: ``handler(name, conversations)``;
          ``"group_removed"``: ``handler(name, conversations, reason)`` (reason 0: removed by a
          call); ``"group_deleted"``: ``handler(name)``; ``"group_renamed"``:
          ``handler(old_name, new_name)``.

        Handlers run on the engine's thread; one that raises is logged and harms nothing else."""
        kind = self._event(event)
        if not callable(handler):
            raise TypeError("handler must be callable")
        with self._handlers_lock:
            self._handlers[kind] = self._handlers[kind] + [handler]
            self._install_callbacks()
        return handler

    def off(self, event: Union[ConvEvent, str], handler: EventHandler) -> None:
        """Stops calling ``handler`` for that event (ValueError when it was not subscribed)."""
        kind = self._event(event)
        with self._handlers_lock:
            handlers = list(self._handlers[kind])
            handlers.remove(handler)
            self._handlers[kind] = handlers
            self._install_callbacks()

    def _install_callbacks(self) -> None:
        """Registers with C exactly the global callbacks some handler needs (handlers lock held):
        an unobserved event then costs no call into Python on the engine's thread."""
        wanted = {"conv_event": any(self._handlers[e.name.lower()] for e in ConvEvent)}
        wanted.update({source: bool(self._handlers[event]) for event, source in _EVENT_SOURCES.items()})
        handlers = {"conv_event": self._on_conv_event, "recv_msg": self._on_messages,
                    "unread_by_filter": self._on_unread_by_filter,
                    "group_created": self._on_group_change("group_created"),
                    "group_added": self._on_group_change("group_added"),
                    "group_removed": self._on_group_change("group_removed")}
        for kind, needed in wanted.items():
            if needed != (kind in self.native.global_handlers) and not self._closed:
                handler = handlers.get(kind, functools.partial(self._emit, kind))
                self.native.set_handler(kind, handler if needed else None)

    @staticmethod
    def _event(event: Union[ConvEvent, str]) -> str:
        if isinstance(event, ConvEvent):
            return event.name.lower()
        if isinstance(event, str) and event.lower() in EVENTS:
            return event.lower()
        raise ValueError(f"unknown event {event!r}: use one of {list(EVENTS)}")

    def _emit(self, kind: str, *args: Any) -> None:
        self._engine_thread = threading.get_ident()
        with self._handlers_lock:
            handlers = self._handlers[kind]
        for handler in handlers:
            try:
                handler(*args)
            except Exception:
                log.exception("%s handler %r raised", kind, handler)

    def _on_conv_event(self, event: int, payload: str) -> None:
        kind = ConvEvent(event)
        if self._handlers[kind.name.lower()]:
            conversations = [Conversation.from_json(info) for info in json.loads(payload)] if payload else []
            self._emit(kind.name.lower(), kind, conversations)

    def _on_messages(self, payload: str) -> None:
        if self._handlers["message"]:
            self._emit("message", [Message.from_json(m) for m in json.loads(payload)])

    def _on_unread_by_filter(self, payload: str, total: int) -> None:
        body = json.loads(payload) if payload else {}
        kind = body.get("conversation_list_filter_conv_type", 0)
        described = {"conv_type": ConvType(kind) if kind else None,
                     "mark": body.get("conversation_list_filter_mark_type", 0),
                     "group": body.get("conversation_list_filter_conversation_group", "")}
        self._emit("unread_by_filter", described, total)

    def _on_group_change(self, kind: str) -> Callable[..., None]:
        """The handler of a group callback carrying (name, conversation array[, reason])."""

        def handle(name: str, payload: str, *reason: int) -> None:
            conversations = [Conversation.from_json(info) for info in json.loads(payload)] if payload else []
            self._emit(kind, name, conversations, *reason)

        return handle

    @staticmethod
    def _on_log(level: int, text: str) -> None:
        engine_log.log(_LOG_LEVELS.get(level, logging.INFO), "%s", text)


class Faults:
    """The local engine's scripted faults (``timconv_fault_*``, not part of the vendor API), made
    for teaching: each lasts until used up or :meth:`clear`. Get it as ``client.faults``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def _check(self, result: int, call: str) -> None:
        if result != 0:
            raise error_for(result, call=call)

    def fail_next(self, function: str, code: int, count: int = 1) -> None:
        """The next ``count`` calls of C function ``function`` (e.g. ``"TIMConvCreate"``) fail
        with ``code``: a TIMResult below 0 (e.g. -4) is returned at once, a callback code above 0
        (e.g. 6022) answers the call in its turn without running it."""
        name = _check_text(function, "function").encode()
        if isinstance(code, bool) or not isinstance(code, int) or code == 0 or not -2**31 <= code < 2**31:
            raise ValueError(f"code must be a non-zero 32-bit int, not {code!r}")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 < count < 2**32:
            raise ValueError(f"count must be a positive int, not {count!r}")
        self._check(self._client.native.lib.timconv_fault_fail_next(name, count, code), "timconv_fault_fail_next")

    def delay(self, seconds: float, function: Optional[str] = None) -> None:
        """Holds back the events and callback of every call of ``function`` (None: of every
        call) by ``seconds`` (at most 60; 0 removes the delay)."""
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds <= 60:
            raise ValueError(f"seconds must be from 0 to 60, not {seconds!r}")
        name = _check_text(function, "function").encode() if function is not None else native.ffi.NULL
        self._check(self._client.native.lib.timconv_fault_delay(name, round(seconds * 1000)), "timconv_fault_delay")

    def drop_login(self) -> None:
        """Drops the login as a lost session would: once the calls made before it have run,
        nobody is logged in and calls raise NotLoggedInError."""
        self._check(self._client.native.lib.timconv_fault_drop_login(), "timconv_fault_drop_login")

    def clear(self) -> None:
        """Removes every scripted fault."""
        self._client.native.lib.timconv_fault_clear()
