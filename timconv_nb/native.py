"""The cffi binding: the one place Python touches C.

``ffi`` is an ABI-mode FFI built from ``engine/cffi/types.h`` and ``functions.h``; calls made
through a library it opened go to that library and nothing else. Callbacks come from the
compiled API-mode module ``timconv_nb._callbacks``: one ``extern "Python"`` trampoline per
callback type (``timconv_on_<type>``), cast once to this ffi's function-pointer types.

:class:`NativeLibrary` offers typed methods for everything above it (init with settings, the
user id, the clock, faults, a call by its declared function name, the global notifications of
:mod:`timconv_nb.events`); nothing outside this module (and tests of the raw API) uses ``ffi`` or
a library's ``lib``. ``None`` stands for a NULL pointer in every call.

Each callback receives, as ``user_data``, a handle naming the Python object it is for; handles
stay in a registry until their callback has run, so nothing is collected too early and nothing
leaks (``NativeLibrary.pending_callbacks``).

With a :class:`~timconv_nb.recording.Recorder` attached (``start_recording``), every call made
through ``lib``, ``call`` and ``call_and_wait``, every callback and every event is recorded, its
arguments named from the declarations and described as plain values; without one, ``lib`` is the
cffi library itself and the binding does no recording work.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import re
import threading
import weakref
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

import cffi

from . import _callbacks
from .errors import check
from .events import BY_SOURCE, NOTIFICATIONS
from .recording import Recorder

__all__ = ["ffi", "get_include", "library_path", "open_library", "parameter_names", "NativeLibrary",
           "AnswerQueue", "LOCAL_ENGINE_VERSION_PREFIX"]

log = logging.getLogger(__name__)

_ENGINE_DIR = Path(__file__).resolve().parent / "engine"
_DECLARATIONS = _ENGINE_DIR / "cffi"
_DECLARATION_FILES = ("types.h", "functions.h", "extensions.h")

#: What the local engine's TIMGetSDKVersion() starts with.
LOCAL_ENGINE_VERSION_PREFIX = "timconv_nb local engine"

ffi = cffi.FFI()
ffi.cdef((_DECLARATIONS / "types.h").read_text() + (_DECLARATIONS / "functions.h").read_text())
# The local engine's extensions: resolved only when used, so other libraries load without them.
ffi.cdef((_DECLARATIONS / "extensions.h").read_text())
NULL = ffi.NULL

_api_ffi = _callbacks.ffi
_completions = _callbacks.lib  # the waiter and the answer queue (cffi/waiter.h, answers.h)

# ---- the declarations, read once: parameter names for records ----

# "int TIMConvCreate(const char* conv_id, ...);" and "typedef void (*TIMConvEventCallback)(...);"
_FUNCTION = re.compile(r"^\s*(?:typedef\s+)?[\w\s\*]*?\(?\*?(\w+)\)?\s*\(([^)]*)\)\s*;", re.MULTILINE)


def _parse_parameter_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for header in _DECLARATION_FILES:
        for match in _FUNCTION.finditer((_DECLARATIONS / header).read_text()):
            params = [p.strip() for p in match.group(2).split(",") if p.strip() and p.strip() != "void"]
            names[match.group(1)] = [re.findall(r"\w+", p)[-1] for p in params]
    return names


_PARAMETERS = _parse_parameter_names()


def parameter_names(function: str) -> list[str]:
    """The parameter names of a declared C function or callback type (as in the cffi
    declarations), or [] when unknown."""
    return list(_PARAMETERS.get(function, []))


def _described(value: Any) -> Any:
    """A C argument or result as a record keeps it: bytes as text, C pointers described, enums
    as their plain int."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, ffi.CData):
        if value == ffi.NULL:
            return None
        kind = ffi.typeof(value).kind
        if kind == "pointer" and ffi.typeof(value).item.cname == "char":
            return ffi.string(value).decode("utf-8", "replace")
        return "<callback>" if kind == "function" else "<buffer>" if kind == "array" else f"<{ffi.typeof(value).cname}>"
    return repr(value)


def _named(function: str, args: tuple) -> dict:
    names = _PARAMETERS.get(function, ())
    return {names[i] if i < len(names) else f"arg{i}": _described(value) for i, value in enumerate(args)}


def _c_args(args: tuple) -> tuple:
    """The arguments with None as NULL."""
    return tuple(NULL if a is None else a for a in args) if None in args else args


def get_include() -> str:
    """The folder holding ``TIMCloud.h`` and the headers it includes."""
    return str(_ENGINE_DIR / "include")


def library_path() -> str:
    """The local engine's shared library file."""
    path = _ENGINE_DIR / "libtimconv.so"
    if not path.is_file():
        raise FileNotFoundError(f"the local engine was not built: {path} is missing (reinstall timconv_nb)")
    return str(path)


# ---- callbacks: handles, and one trampoline per callback type ----

def _text(ptr: Any) -> str:
    """A C string from a callback as str (invalid UTF-8 replaced, NULL as "")."""
    if ptr == _api_ffi.NULL:
        return ""
    return _api_ffi.string(ptr).decode("utf-8", "replace")


def _in_place(decode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A reader of a callback's JSON that decodes it from a buffer over the C text (valid while
    the callback runs): a large reply is never copied into a str."""

    def read(ptr: Any) -> Any:
        length = _completions.timconv_text_length(ptr)
        return decode(_api_ffi.buffer(ptr, length) if length else b"")

    return read


class _Pending:
    """One registered callback target, how its JSON is read, and the registry that keeps its
    handle alive."""

    __slots__ = ("registry", "handler", "payload", "handle")

    def __init__(self, registry: "_HandleRegistry", handler: Callable[..., None],
                 payload: Callable[[Any], Any] = _text) -> None:
        self.registry = registry
        self.handler = handler
        self.payload = payload
        self.handle = _api_ffi.new_handle(self)


class _HandleRegistry:
    """Handles whose callback has not run yet. Its lock guards only the dict."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: dict[int, _Pending] = {}

    def register(self, handler: Callable[..., None], payload: Callable[[Any], Any] = _text) -> _Pending:
        pending = _Pending(self, handler, payload)
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


@_api_ffi.def_extern(name="timconv_on_TIMCommCallback", onerror=_report_callback_error)
def _on_call_done(code: int, desc: Any, json_params: Any, user_data: Any) -> None:
    pending: _Pending = _api_ffi.from_handle(user_data)
    pending.registry.release(pending)  # a call's callback runs exactly once
    pending.handler(code, _text(desc), pending.payload(json_params) if code == 0 else _text(json_params))


def _trampoline(callback_type: str) -> Any:
    """Defines the extern "Python" function of one notification's callback type: it decodes the C
    arguments (strings as str, numbers as int) and hands them to the handler its user_data names.
    Returns the function cast to this ffi's callback type."""
    decoders = [_text if arg.kind == "pointer" else int for arg in _api_ffi.typeof(callback_type).args[:-1]]

    def trampoline(*args: Any) -> None:
        _api_ffi.from_handle(args[-1]).handler(*[decode(a) for decode, a in zip(decoders, args)])

    name = f"timconv_on_{callback_type}"
    _api_ffi.def_extern(name=name, onerror=_report_callback_error)(trampoline)
    return ffi.cast(callback_type, getattr(_callbacks.lib, name))


def _read_reply(reply: Any) -> tuple[int, str, str, int, float]:
    """A reply the waiter or a ticket kept (cffi/reply.h): code, desc, JSON, the thread that
    called back (as Python's thread ident) and when (epoch seconds)."""
    return int(reply.code), _text(reply.desc), _text(reply.json), int(reply.thread), reply.done_ns / 1e9


_CALL_DONE = ffi.cast("TIMCommCallback", _callbacks.lib.timconv_on_TIMCommCallback)
_WAITER_DONE = ffi.cast("TIMCommCallback", _callbacks.lib.timconv_waiter_done)
_TICKET_DONE = ffi.cast("TIMCommCallback", _callbacks.lib.timconv_ticket_done)

#: on_done of a queued call: (code, desc, json, answering thread's ident, when in epoch seconds)
Answered = Callable[[int, str, str, int, float], None]


class AnswerQueue:
    """Calls answered into C (``cffi/answers.h``): the library's thread copies each reply into
    the call's ticket and queues it, without entering Python; the queue's ``fd`` becomes readable
    and its owner calls :meth:`take`, which runs the calls' ``on_done`` in batches on the owner's
    thread. One thread owns a queue (an asyncio loop's: it watches ``fd``)."""

    BATCH = 256

    def __init__(self) -> None:
        self._c = _completions.timconv_answers_new()
        if self._c == _api_ffi.NULL:
            raise OSError("no eventfd or memory for an answer queue")
        self.fd = int(_completions.timconv_answers_fd(self._c))
        self._waiting: dict[int, Answered] = {}
        self._ids = itertools.count(1)
        self._taken = _api_ffi.new("timconv_ticket*[]", self.BATCH)
        # A queue dropped without close() is closed when collected (its eventfd too, once its
        # pending calls have been answered).
        self._close = weakref.finalize(self, _completions.timconv_answers_close, self._c)

    def __len__(self) -> int:
        """Calls not answered yet (answers waiting to be taken are not counted)."""
        return int(_completions.timconv_answers_pending(self._c)) if self._c is not None else 0

    def ticket(self, on_done: Answered) -> Any:
        """A ticket for one call: the user_data to pass with ``timconv_ticket_done``."""
        if self._c is None:
            raise ValueError("the answer queue is closed")
        ticket_id = next(self._ids)
        ticket = _completions.timconv_ticket_new(self._c, ticket_id)
        if ticket == _api_ffi.NULL:
            raise MemoryError("no memory for a call's ticket")
        self._waiting[ticket_id] = on_done
        return ticket

    def cancel(self, ticket: Any) -> None:
        """The call was refused: no answer will come."""
        self._waiting.pop(ticket.id, None)
        _completions.timconv_ticket_cancel(ticket)

    def take(self) -> int:
        """Runs on_done of up to BATCH answered calls, oldest first (one that raises is logged);
        returns how many were taken (0 once closed)."""
        if self._c is None:
            return 0
        taken = self._taken
        count = int(_completions.timconv_answers_take(self._c, taken, self.BATCH))
        try:
            for i in range(count):
                ticket = taken[i]
                on_done = self._waiting.pop(ticket.id)
                try:
                    on_done(*_read_reply(ticket.reply))
                except Exception:
                    log.exception("an answered call's handler raised")
        finally:
            _completions.timconv_tickets_free(taken, count)
        return count

    def close(self) -> None:
        """The owner is done with the queue: answers not taken are dropped (see answers.h)."""
        if self._c is not None:
            self._close()
            self._c = None
            self._waiting.clear()

#: source -> our trampoline, cast to the library's callback type
_TRAMPOLINES = {n.source: _trampoline(n.callback_type) for n in NOTIFICATIONS}


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
            record = recorder.call(name, _named(name, args))
            result = function(*args)
            recorder.returned(record, _described(result))
            return result

        return recorded


class NativeLibrary:
    """A C library with the engine's ABI, opened by path: the local engine or the vendor's
    ``libImSDK.so``. ``lib`` exposes the raw functions (for the raw-API notebook and tests); the
    methods are what the rest of the package uses."""

    def __init__(self, path: Union[str, os.PathLike]) -> None:
        self.path = str(Path(path).resolve())
        self._raw = ffi.dlopen(self.path)
        self.lib: Any = self._raw  # a _RecordingLib while recording
        self.recorder: Optional[Recorder] = None
        self._calls = _HandleRegistry()
        self._answer_queues: "weakref.WeakSet[AnswerQueue]" = weakref.WeakSet()
        # Global handlers, by source, stay referenced here while the library may call them.
        self._targets: dict[str, _Pending] = {}

    def __repr__(self) -> str:
        return f"<NativeLibrary {self.version()!r} at {self.path}>"

    # ---- facts and lifecycle ----

    def version(self) -> str:
        """What TIMGetSDKVersion() returns (not recorded: the binding asks it for itself)."""
        return ffi.string(self._raw.TIMGetSDKVersion()).decode("utf-8", "replace")

    def sqlite_version(self) -> Optional[str]:
        """The SQLite the local engine runs on (``timconv_sqlite_version``); None for the vendor's."""
        if not self.is_local_engine:
            return None
        return ffi.string(self._raw.timconv_sqlite_version()).decode("ascii", "replace")

    @property
    def is_local_engine(self) -> bool:
        return self.version().startswith(LOCAL_ENGINE_VERSION_PREFIX)

    def init(self, app_id: int, settings: dict) -> None:
        """TIMInit with ``settings`` as its SdkConfig JSON; raises the code's exception."""
        check(self.lib.TIMInit(app_id, json.dumps(settings).encode()), call="TIMInit")

    def uninit(self) -> None:
        """TIMUninit: returns once every accepted call has called back."""
        check(self.lib.TIMUninit(), call="TIMUninit")

    def login_status(self) -> int:
        """TIMGetLoginStatus()."""
        return int(self.lib.TIMGetLoginStatus())

    def login_user_id(self) -> Optional[str]:
        """TIMGetLoginUserID(): the logged-in user, or None."""
        buffer = ffi.new("char[128]")
        if self.lib.TIMGetLoginUserID(buffer) != 0:
            return None
        return ffi.string(buffer).decode("utf-8", "replace")

    # ---- the local engine's extensions (timconv_ext.h) ----

    def set_clock(self, epoch_seconds: int) -> None:
        """timconv_set_clock: the engine's clock reads ``epoch_seconds`` (0: the real clock)."""
        self.lib.timconv_set_clock(epoch_seconds)

    def fault_fail_next(self, function: str, count: int, code: int) -> None:
        """timconv_fault_fail_next."""
        check(self.lib.timconv_fault_fail_next(function.encode(), count, code), call="timconv_fault_fail_next")

    def fault_delay(self, function: Optional[str], milliseconds: int) -> None:
        """timconv_fault_delay (function None: every call)."""
        name = function.encode() if function is not None else NULL
        check(self.lib.timconv_fault_delay(name, milliseconds), call="timconv_fault_delay")

    def fault_drop_login(self) -> None:
        """timconv_fault_drop_login."""
        check(self.lib.timconv_fault_drop_login(), call="timconv_fault_drop_login")

    def fault_clear(self) -> None:
        """timconv_fault_clear."""
        self.lib.timconv_fault_clear()

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

    # ---- calls ----

    @property
    def pending_callbacks(self) -> int:
        """How many accepted calls have not called back yet."""
        return len(self._calls) + sum(len(answers) for answers in list(self._answer_queues))

    def call_result(self, name: str, *args: Any) -> int:
        """Calls C function ``name``, one without a callback; returns its TIMResult."""
        return int(getattr(self.lib, name)(*_c_args(args)))

    def call(self, name: str, *args: Any, on_done: Callable[[int, str, Any], None],
             decode: Optional[Callable[[Any], Any]] = None) -> int:
        """Calls C function ``name`` with ``args`` plus a callback and its user_data; returns
        the TIMResult. ``on_done(code, desc, json)`` runs exactly once, on the library's
        thread, when (and only when) the result is TIM_SUCC. ``decode``: the json of a
        successful callback reaches on_done as decode(a buffer over the C text), read in place
        (a large reply is never copied; while recording, decode(the text))."""
        args = _c_args(args)
        recorder = self.recorder
        payload = _text if decode is None or recorder is not None else _in_place(decode)
        if recorder is not None:
            record = recorder.call(name, _named(name, (*args, _CALL_DONE, None)), expects_callback=True)
            done = on_done

            def on_done(code: int, desc: str, payload: str) -> None:
                recorder.called_back(record, code, desc, payload)
                done(code, desc, decode(payload) if decode is not None and code == 0 else payload)

        pending = self._calls.register(on_done, payload)
        try:
            result = getattr(self._raw, name)(*args, _CALL_DONE, pending.handle)
        except BaseException:
            self._calls.release(pending)
            raise
        if recorder is not None:
            recorder.returned(record, int(result))
        if result != 0:
            self._calls.release(pending)
        return int(result)

    def call_answered(self, name: str, *args: Any, answers: AnswerQueue,
                      on_done: Callable[[int, str, str], None]) -> int:
        """Calls C function ``name`` with ``args`` plus a C callback that answers into
        ``answers``; returns the TIMResult. ``on_done(code, desc, json)`` runs exactly once, on
        the thread that takes the answer from the queue, when (and only when) the result is
        TIM_SUCC. The library's thread never enters Python for it."""
        args = _c_args(args)
        recorder = self.recorder
        if recorder is None:
            def answered(code: int, desc: str, payload: str, thread: int, when: float) -> None:
                on_done(code, desc, payload)
        else:
            record = recorder.call(name, _named(name, (*args, _TICKET_DONE, None)), expects_callback=True)

            def answered(code: int, desc: str, payload: str, thread: int, when: float) -> None:
                recorder.called_back(record, code, desc, payload, thread_id=thread, when=when)
                on_done(code, desc, payload)

        self._answer_queues.add(answers)
        ticket = answers.ticket(answered)
        result = -1
        try:
            result = int(getattr(self._raw, name)(*args, _TICKET_DONE, ticket))
        finally:
            if result != 0:  # refused (or never made): no answer will come
                answers.cancel(ticket)
        if recorder is not None:
            recorder.returned(record, result)
        return result

    def call_and_wait(self, name: str, *args: Any, timeout: float) -> tuple[int, Optional[tuple[int, str, str]]]:
        """Calls C function ``name`` with ``args`` plus a C waiter as callback, and waits for it
        with the GIL released, up to ``timeout`` seconds; the library's thread completes it
        without entering Python. Returns (TIMResult, None) when refused, (0, (code, desc,
        json)) when it called back, and (0, None) when the timeout expired first."""
        args = _c_args(args)
        waiter = _completions.timconv_waiter_new()
        if waiter == _api_ffi.NULL:
            raise MemoryError("no memory for a call's waiter")
        recorder = self.recorder
        record = (recorder.call(name, _named(name, (*args, _WAITER_DONE, None)), expects_callback=True)
                  if recorder is not None else None)
        result = -1
        try:
            result = int(getattr(self._raw, name)(*args, _WAITER_DONE, waiter))
        finally:
            if result != 0:  # refused (or never made): no callback will drop its reference
                _completions.timconv_waiter_release(waiter)
        if record is not None:
            recorder.returned(record, result)
        if result != 0:
            _completions.timconv_waiter_release(waiter)
            return result, None
        try:
            if not _completions.timconv_waiter_wait(waiter, timeout):
                return 0, None
            code, desc, payload, thread, when = _read_reply(_completions.timconv_waiter_reply(waiter))
            if record is not None:
                recorder.called_back(record, code, desc, payload, thread_id=thread, when=when)
            return 0, (code, desc, payload)
        finally:
            _completions.timconv_waiter_release(waiter)

    # ---- global notifications ----

    def set_handler(self, source: str, handler: Optional[Callable[..., None]]) -> None:
        """Routes one global notification (a ``source`` of :data:`timconv_nb.events.NOTIFICATIONS`:
        ``log``, ``conv_event``, ``recv_msg``, ``total_unread``, ``unread_by_filter``,
        ``group_created``, ...) to ``handler``, which receives the C arguments decoded (strings
        as str); None stops it."""
        notification = BY_SOURCE[source]
        trampoline = _TRAMPOLINES[source]
        if handler is None:
            if source == "recv_msg":
                self.lib.TIMRemoveRecvNewMsgCallback(trampoline)
            else:
                getattr(self.lib, notification.setter)(NULL, NULL)
            self._targets.pop(source, None)
            return
        delivered = handler

        def handler(*args: Any) -> None:
            recorder = self.recorder
            if recorder is not None and source != "log":  # log lines are not SDK traffic
                recorder.event(notification.callback_type, _named(notification.callback_type, args))
            delivered(*args)

        target = _Pending(self._calls, handler)
        getattr(self.lib, notification.setter)(trampoline, target.handle)
        self._targets[source] = target

    def set_log_handler(self, handler: Optional[Callable[[int, str], None]]) -> None:
        """Routes the library's log lines to ``handler(level, text)`` (None: stop)."""
        self.set_handler("log", handler)

    def set_conv_event_handler(self, handler: Optional[Callable[[int, str], None]]) -> None:
        """Routes conversation events to ``handler(event, json_conv_array)`` (None: stop)."""
        self.set_handler("conv_event", handler)

    def set_recv_msg_handler(self, handler: Optional[Callable[[str], None]]) -> None:
        """Routes new messages to ``handler(json_msg_array)`` (None: stop)."""
        self.set_handler("recv_msg", handler)

    @property
    def global_handlers(self) -> list[str]:
        """The sources of global handler installed (see set_handler)."""
        return sorted(self._targets)


def open_library(path: Union[str, os.PathLike, None] = None) -> NativeLibrary:
    """Opens the local engine (``path`` None) or any library with the same C ABI by path."""
    return NativeLibrary(library_path() if path is None else path)
