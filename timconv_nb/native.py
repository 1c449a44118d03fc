"""The cffi binding: one set of declarations for every library with the engine's C ABI.

``ffi`` is an ABI-mode FFI built from ``engine/cffi/types.h`` and ``functions.h``; calls made
through a library it opened go to that library and nothing else. Callbacks come from the
compiled API-mode module ``timconv_nb._callbacks`` (``extern "Python"``: no writable and
executable memory needed), cast once to this ffi's function-pointer types.

Each callback receives, as ``user_data``, a handle naming the Python object it is for; handles
stay in a registry until their callback has run, so nothing is collected too early and
nothing leaks (``NativeLibrary.pending_callbacks``).

With a :class:`~timconv_nb.recording.Recorder` attached (``start_recording``), every call made
through ``lib``, ``call`` and ``call_and_wait``, every callback and every event is recorded; without
one, ``lib`` is the cffi library itself and the binding does no recording work.
"""

from __future__ import annotations

import logging
import contextlib
import os
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

import cffi

from . import _callbacks
from .recording import Recorder

__all__ = ["ffi", "get_include", "library_path", "open_library", "NativeLibrary", "LOCAL_ENGINE_VERSION_PREFIX"]

log = logging.getLogger(__name__)

_ENGINE_DIR = Path(__file__).resolve().parent / "engine"
_DECLARATIONS = _ENGINE_DIR / "cffi"

#: What the local engine's TIMGetSDKVersion() starts with.
LOCAL_ENGINE_VERSION_PREFIX = "timconv_nb local engine"

ffi = cffi.FFI()
ffi.cdef((_DECLARATIONS / "types.h").read_text() + (_DECLARATIONS / "functions.h").read_text())
# The local engine's extensions: resolved only when used, so other libraries load without them.
ffi.cdef((_DECLARATIONS / "extensions.h").read_text())

_api_ffi = _callbacks.ffi
# The API module's enum types are distinct objects from this ffi's, so its function pointers
# are cast once to the identical types declared here.
_COMM_CALLBACK = ffi.cast("TIMCommCallback", _callbacks.lib.timconv_comm_callback)
_RECV_MSG_CALLBACK = ffi.cast("TIMRecvNewMsgCallback", _callbacks.lib.timconv_recv_msg_callback)

#: The global notifications with one registration each: (kind, setter, callback type).
_GLOBAL_KINDS = [
    ("log", "TIMSetLogCallback", "TIMLogCallback"),
    ("conv_event", "TIMSetConvEventCallback", "TIMConvEventCallback"),
    ("total_unread", "TIMSetConvTotalUnreadMessageCountChangedCallback", "TIMConvTotalUnreadMessageCountChangedCallback"),
    ("unread_by_filter", "TIMSetConvUnreadMessageCountChangedByFilterCallback",
     "TIMConvTotalUnreadMessageCountChangedByFilterCallback"),
    ("group_created", "TIMSetConvConversationGroupCreatedCallback", "TIMConvConversationGroupCreatedCallback"),
    ("group_deleted", "TIMSetConvConversationGroupDeletedCallback", "TIMConvConversationGroupDeletedCallback"),
    ("group_renamed", "TIMSetConvConversationGroupNameChangedCallback", "TIMConvConversationGroupNameChangedCallback"),
    ("group_added", "TIMSetConvConversationsAddedToGroupCallback", "TIMConvConversationsAddedToGroupCallback"),
    ("group_removed", "TIMSetConvConversationsDeletedFromGroupCallback",
     "TIMConvConversationsDeletedFromGroupCallback"),
]
#: kind -> (setter, our callback cast to the library's type)
_GLOBAL_CALLBACKS = {kind: (setter, ffi.cast(ctype, getattr(_callbacks.lib, f"timconv_{kind}_callback")))
                     for kind, setter, ctype in _GLOBAL_KINDS}
#: kind -> the C callback type (what records of events name)
_CALLBACK_TYPES = {"recv_msg": "TIMRecvNewMsgCallback", **{kind: ctype for kind, _, ctype in _GLOBAL_KINDS}}
_WAITER_CALLBACK = ffi.cast("TIMCommCallback", _callbacks.lib.timconv_waiter_done)
_waiters = _callbacks.lib

CommHandler = Callable[[int, str, str], None]
LogHandler = Callable[[int, str], None]
ConvEventHandler = Callable[[int, str], None]
TotalUnreadHandler = Callable[[int], None]
RecvMsgHandler = Callable[[str], None]
UnreadByFilterHandler = Callable[[str, int], None]
GroupHandler = Callable[..., None]


def get_include() -> str:
    """The folder holding ``TIMCloud.h`` and the headers it includes."""
    return str(_ENGINE_DIR / "include")


def library_path() -> str:
    """The local engine's shared library file."""
    path = _ENGINE_DIR / "libtimconv.so"
    if not path.is_file():
        raise FileNotFoundError(f"the local engine was not built: {path} is missing (reinstall timconv_nb)")
    return str(path)


def _text(ptr: Any) -> str:
    """A C string from a callback as str (invalid UTF-8 replaced, NULL as "")."""
    if ptr == _api_ffi.NULL:
        return ""
    return _api_ffi.string(ptr).decode("utf-8", "replace")


class _Pending:
    """One registered callback target and the registry that keeps its handle alive."""

    __slots__ = ("registry", "handler", "handle")

    def __init__(self, registry: "_HandleRegistry", handler: Callable[..., None]) -> None:
        self.registry = registry
        self.handler = handler
        self.handle = _api_ffi.new_handle(self)


class _HandleRegistry:
    """Handles whose callback has not run yet. Its lock guards only the dict."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: dict[int, _Pending] = {}

    def register(self, handler: Callable[..., None]) -> _Pending:
        pending = _Pending(self, handler)
        with self._lock:
            self._live[id(pending)] = pending
        return pending

    def release(self, pending: _Pending) -> None:
        with self._lock:
            self._live.pop(id(pending), None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._live)


def _report_callback_error(exc_type: type, exc: BaseException, tb: Any) -> None:
    log.error("exception in a C callback handler", exc_info=(exc_type, exc, tb))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_comm_callback(code: int, desc: Any, json_params: Any, user_data: Any) -> None:
    pending: _Pending = _api_ffi.from_handle(user_data)
    pending.registry.release(pending)  # a call's callback runs exactly once
    pending.handler(code, _text(desc), _text(json_params))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_log_callback(level: int, text: Any, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(level, _text(text))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_conv_event_callback(event: int, json_conv_array: Any, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(event, _text(json_conv_array))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_total_unread_callback(total: int, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(total)


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_recv_msg_callback(json_msg_array: Any, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(_text(json_msg_array))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_unread_by_filter_callback(filter_json: Any, total: int, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(_text(filter_json), total)


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_group_created_callback(name: Any, conv_array: Any, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(_text(name), _text(conv_array))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_group_deleted_callback(name: Any, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(_text(name))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_group_renamed_callback(old_name: Any, new_name: Any, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(_text(old_name), _text(new_name))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_group_added_callback(name: Any, conv_array: Any, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(_text(name), _text(conv_array))


@_api_ffi.def_extern(onerror=_report_callback_error)
def timconv_group_removed_callback(name: Any, conv_array: Any, reason: int, user_data: Any) -> None:
    _api_ffi.from_handle(user_data).handler(_text(name), _text(conv_array), reason)


class _RecordingLib:
    """Stands for the cffi library while recording: each function call is recorded with its
    arguments and what it returned."""

    def __init__(self, raw: Any, recorder: Recorder) -> None:
        self._raw = raw
        self._recorder = recorder

    def __getattr__(self, name: str) -> Any:
        function = getattr(self._raw, name)
        if not callable(function):
            return function
        recorder = self._recorder

        def recorded(*args: Any) -> Any:
            record = recorder.call(name, args)
            result = function(*args)
            recorder.returned(record, ffi.string(result).decode("utf-8", "replace")
                              if isinstance(result, ffi.CData) and result != ffi.NULL else result)
            return result

        return recorded


class NativeLibrary:
    """A C library with the engine's ABI, opened by path: the local engine or the vendor's
    ``libImSDK.so``. ``lib`` exposes the raw functions; ``call`` adds the callback plumbing."""

    def __init__(self, path: Union[str, os.PathLike]) -> None:
        self.path = str(Path(path).resolve())
        self._raw = ffi.dlopen(self.path)
        self.lib: Any = self._raw  # a _RecordingLib while recording
        self.recorder: Optional[Recorder] = None
        self._calls = _HandleRegistry()
        # Global handlers, by kind, stay referenced here while the library may call them.
        self._targets: dict[str, _Pending] = {}

    def __repr__(self) -> str:
        return f"<NativeLibrary {self.version()!r} at {self.path}>"

    def version(self) -> str:
        """What TIMGetSDKVersion() returns (not recorded: the binding asks it for itself)."""
        return ffi.string(self._raw.TIMGetSDKVersion()).decode("utf-8", "replace")

    # ---- recording ----

    def start_recording(self, recorder: Optional[Recorder] = None) -> Recorder:
        """Records every call, callback and event from now on (into ``recorder``, or a new one,
        or the one already recording); returns the recorder."""
        self.recorder = recorder or self.recorder or Recorder()
        self.lib = _RecordingLib(self._raw, self.recorder)
        return self.recorder

    def stop_recording(self) -> Optional[Recorder]:
        """Stops recording; returns the recorder (None when none was recording)."""
        recorder, self.recorder, self.lib = self.recorder, None, self._raw
        return recorder

    @contextlib.contextmanager
    def recording(self, recorder: Optional[Recorder] = None) -> Iterator[Recorder]:
        """``with lib.recording() as recorder:`` records the calls made inside the block."""
        active = self.start_recording(recorder)
        try:
            yield active
        finally:
            self.stop_recording()

    @property
    def is_local_engine(self) -> bool:
        return self.version().startswith(LOCAL_ENGINE_VERSION_PREFIX)

    @property
    def pending_callbacks(self) -> int:
        """How many accepted calls have not called back yet."""
        return len(self._calls)

    def call(self, name: str, *args: Any, on_done: CommHandler) -> int:
        """Calls C function ``name`` with ``args`` plus a callback and its user_data; returns
        the TIMResult. ``on_done(code, desc, json)`` runs exactly once, on the library's
        thread, when (and only when) the result is TIM_SUCC."""
        recorder = self.recorder
        if recorder is not None:
            record = recorder.call(name, (*args, _COMM_CALLBACK, None), expects_callback=True)
            done = on_done

            def on_done(code: int, desc: str, payload: str) -> None:
                recorder.called_back(record, code, desc, payload)
                done(code, desc, payload)

        pending = self._calls.register(on_done)
        try:
            result = getattr(self._raw, name)(*args, _COMM_CALLBACK, pending.handle)
        except BaseException:
            self._calls.release(pending)
            raise
        if recorder is not None:
            recorder.returned(record, int(result))
        if result != 0:
            self._calls.release(pending)
        return int(result)

    def _set_target(self, kind: str, handler: Optional[Callable[..., None]], install: Callable[[Any], None]) -> None:
        """Installs (or, with None, removes) the global handler of one kind; ``install`` gets
        the handle to register, or None to unregister."""
        if handler is None:
            install(None)
            self._targets.pop(kind, None)
            return
        callback_type = _CALLBACK_TYPES.get(kind, kind)
        delivered = handler

        def handler(*args: Any) -> None:
            recorder = self.recorder
            if recorder is not None and kind != "log":  # log lines are not SDK traffic
                recorder.event(callback_type, args)
            delivered(*args)

        target = _Pending(self._calls, handler)
        install(target.handle)
        self._targets[kind] = target

    def call_and_wait(self, name: str, *args: Any, timeout: float) -> tuple[int, Optional[tuple[int, str, str]]]:
        """Calls C function ``name`` with ``args`` plus a C waiter as callback, and waits for it
        with the GIL released, up to ``timeout`` seconds; the library's thread completes it
        without entering Python. Returns (TIMResult, None) when refused, (0, (code, desc,
        json)) when it called back, and (0, None) when the timeout expired first."""
        waiter = _waiters.timconv_waiter_new()
        if waiter == _api_ffi.NULL:
            raise MemoryError("no memory for a call's waiter")
        recorder = self.recorder
        record = (recorder.call(name, (*args, _WAITER_CALLBACK, None), expects_callback=True)
                  if recorder is not None else None)
        try:
            result = int(getattr(self._raw, name)(*args, _WAITER_CALLBACK, waiter))
        except BaseException:
            result = -1
            raise
        finally:
            if result != 0:  # refused (or never made): no callback will drop its reference
                _waiters.timconv_waiter_release(waiter)
        if record is not None:
            recorder.returned(record, result)
        if result != 0:
            _waiters.timconv_waiter_release(waiter)
            return result, None
        try:
            if not _waiters.timconv_waiter_wait(waiter, timeout):
                return 0, None
            reply = (int(_waiters.timconv_waiter_code(waiter)), _text(_waiters.timconv_waiter_desc(waiter)),
                     _text(_waiters.timconv_waiter_json(waiter)))
            if record is not None:
                recorder.called_back(record, *reply, thread_id=int(_waiters.timconv_waiter_thread(waiter)),
                                     when=int(_waiters.timconv_waiter_done_ns(waiter)) / 1e9)
            return 0, reply
        finally:
            _waiters.timconv_waiter_release(waiter)

    def set_handler(self, kind: str, handler: Optional[Callable[..., None]]) -> None:
        """Routes one kind of global notification to ``handler`` (None: stop). Kinds and the
        handler's arguments: ``log`` (level, text), ``conv_event`` (event, json_conv_array),
        ``total_unread`` (total), ``unread_by_filter`` (filter_json, total), ``group_created``
        and ``group_added`` (name, json_conv_array), ``group_deleted`` (name),
        ``group_renamed`` (old_name, new_name), ``group_removed`` (name, json_conv_array,
        reason); ``recv_msg``: see set_recv_msg_handler."""
        if kind == "recv_msg":
            self.set_recv_msg_handler(handler)
            return
        setter_name, callback = _GLOBAL_CALLBACKS[kind]
        self._set_target(kind, handler, lambda h: getattr(self.lib, setter_name)(
            ffi.NULL if h is None else callback, ffi.NULL if h is None else h))

    def set_log_handler(self, handler: Optional[LogHandler]) -> None:
        """Routes the library's log lines to ``handler(level, text)`` (None: stop)."""
        self.set_handler("log", handler)

    def set_conv_event_handler(self, handler: Optional[ConvEventHandler]) -> None:
        """Routes conversation events to ``handler(event, json_conv_array)`` (None: stop)."""
        self.set_handler("conv_event", handler)

    def set_total_unread_handler(self, handler: Optional[TotalUnreadHandler]) -> None:
        """Routes changes of the total unread count to ``handler(total)`` (None: stop)."""
        self.set_handler("total_unread", handler)

    def set_recv_msg_handler(self, handler: Optional[RecvMsgHandler]) -> None:
        """Routes new messages to ``handler(json_msg_array)`` (None: stop)."""

        def install(handle: Any) -> None:
            if handle is None:
                self.lib.TIMRemoveRecvNewMsgCallback(_RECV_MSG_CALLBACK)
            else:
                self.lib.TIMAddRecvNewMsgCallback(_RECV_MSG_CALLBACK, handle)

        self._set_target("recv_msg", handler, install)

    @property
    def global_handlers(self) -> list[str]:
        """The kinds of global handler installed (see set_handler)."""
        return sorted(self._targets)


def open_library(path: Union[str, os.PathLike, None] = None) -> NativeLibrary:
    """Opens the local engine (``path`` None) or any library with the same C ABI by path."""
    return NativeLibrary(library_path() if path is None else path)
