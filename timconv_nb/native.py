"""The cffi binding: the C boundary, and the one place Python calls into C.

``ffi`` is an ABI-mode FFI built from the declarations of the engine's public headers
(:mod:`timconv_nb.declarations`); calls made through a library it opened go to that library and
nothing else, the local engine or Tencent's ``libImSDK.so`` alike. ``None`` stands for a NULL
pointer in every call.

:class:`NativeLibrary` makes every call the rest of the package makes, through one method
(``_invoke``), which a :class:`~timconv_nb.recording.Recorder` watches when one is attached; the
completions (:mod:`timconv_nb.completions`) report back through one method too (``_answered``).
So a call is recorded once, at one place, with its callback. Without a recorder the binding does
no recording work. ``lib`` is the cffi library, for using the C API as C does; while recording,
its calls go through ``_invoke`` too (a callback passed to it is the caller's own: its call is
recorded, its callback is not).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable, Optional, Union, cast

import cffi

from . import completions, declarations
from .completions import AnswerQueue, Handles, PythonCallback, Reply, Waited, wait_for
from .errors import check
from .events import BY_SOURCE, NOTIFICATIONS
from .recording import CallRecord, Recorder

__all__ = ["ffi", "get_include", "library_path", "open_library", "parameter_names", "NativeLibrary",
           "LOCAL_ENGINE_VERSION_PREFIX"]

log = logging.getLogger(__name__)

_ENGINE_DIR = Path(__file__).resolve().parent / "engine"

#: What the local engine's TIMGetSDKVersion() starts with.
LOCAL_ENGINE_VERSION_PREFIX = "timconv_nb local engine"

_DECLARATIONS = declarations.read()
ffi = cffi.FFI()
ffi.cdef(_DECLARATIONS.cdef())
NULL = ffi.NULL

# The completions' C callbacks and the trampolines, cast once to this ffi's callback types.
_WAITER_DONE = ffi.cast("TIMCommCallback", completions.WAITER_DONE)
_TICKET_DONE = ffi.cast("TIMCommCallback", completions.TICKET_DONE)
_PYTHON_DONE = ffi.cast("TIMCommCallback", completions.trampoline("TIMCommCallback"))
#: notification source -> its trampoline
_TRAMPOLINES = {n.source: ffi.cast(n.callback_type, completions.trampoline(n.callback_type)) for n in NOTIFICATIONS}


def parameter_names(function: str) -> list[str]:
    """The parameter names of a declared C function or callback type, or [] when unknown."""
    return list(_DECLARATIONS.parameter_names(function))


def get_include() -> str:
    """The folder holding ``TIMCloud.h`` and the headers it includes."""
    return str(_ENGINE_DIR / "include")


def library_path() -> str:
    """The local engine's shared library file."""
    path = _ENGINE_DIR / "libtimconv.so"
    if not path.is_file():
        raise FileNotFoundError(f"the local engine was not built: {path} is missing (reinstall timconv_nb)")
    return str(path)


def _text(pointer: Any) -> str:
    """A C string (a char pointer or array) as str, invalid UTF-8 replaced."""
    return cast(bytes, ffi.string(pointer)).decode("utf-8", "replace")  # bytes for char (str for wchar_t)


def _described(value: Any) -> Any:
    """A C argument or result as a record keeps it: bytes as text, C pointers described, enums
    as their plain int."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if value is None or isinstance(value, (str, bool, float)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, ffi.CData):
        if value == NULL:
            return None
        kind = ffi.typeof(value).kind
        if kind == "pointer" and ffi.typeof(value).item.cname == "char":
            return _text(value)
        return "<callback>" if kind == "function" else "<buffer>" if kind == "array" else f"<{ffi.typeof(value).cname}>"
    return repr(value)


def _named(function: str, args: tuple[Any, ...]) -> dict[str, Any]:
    names = _DECLARATIONS.parameter_names(function)
    return {names[i] if i < len(names) else f"arg{i}": _described(value) for i, value in enumerate(args)}


def _c_args(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments with None as NULL."""
    return tuple(NULL if a is None else a for a in args) if None in args else args



class _Call:
    """One call on its way: its record, when recording."""

    __slots__ = ("record",)

    def __init__(self) -> None:
        self.record: Optional[CallRecord] = None


class NativeLibrary:
    """A C library with the engine's ABI, opened by path: the local engine or the vendor's
    ``libImSDK.so``. ``lib`` exposes the raw functions (for the raw-API notebooks and tests); the
    methods are what the rest of the package uses."""

    def __init__(self, path: Union[str, os.PathLike[str]]) -> None:
        self.path = str(Path(path).resolve())
        self._raw: Any = ffi.dlopen(self.path)
        self.recorder: Optional[Recorder] = None
        self._python_callbacks = Handles()
        self._answer_queues: weakref.WeakSet[AnswerQueue] = weakref.WeakSet()
        # The notification handlers, by source. One replaced may still be running on the
        # library's thread: it is kept (retired) until TIMUninit, after which nothing runs.
        self._notification_handlers = Handles()
        self._notification_targets: dict[str, Any] = {}
        self._retired: list[Any] = []

    def __repr__(self) -> str:
        return f"<NativeLibrary {self.version()!r} at {self.path}>"

    @property
    def lib(self) -> Any:
        """The C library's functions (``lib.TIMConvCreate(...)``), recorded while recording."""
        return self._raw if self.recorder is None else _RecordedLibrary(self)

    # ---- facts and lifecycle ----

    def version(self) -> str:
        """What TIMGetSDKVersion() returns (not recorded: the binding asks it for itself)."""
        return _text(self._raw.TIMGetSDKVersion())

    def sqlite_version(self) -> Optional[str]:
        """The SQLite the local engine runs on (``timconv_sqlite_version``); None for the vendor's."""
        if not self.is_local_engine:
            return None
        return _text(self._raw.timconv_sqlite_version())

    @property
    def is_local_engine(self) -> bool:
        return self.version().startswith(LOCAL_ENGINE_VERSION_PREFIX)

    def init(self, app_id: int, settings: dict[str, Any]) -> None:
        """TIMInit with ``settings`` as its SdkConfig JSON; raises the code's exception."""
        check(self.call_result("TIMInit", app_id, json.dumps(settings).encode()), call="TIMInit")

    def uninit(self) -> None:
        """TIMUninit: returns once every accepted call has called back. Then nothing runs on the
        library's thread any more, so the notification handlers are removed and let go."""
        check(self.call_result("TIMUninit"), call="TIMUninit")
        for source in self.global_handlers:
            self.set_handler(source, None)
        self._retired.clear()

    def login_status(self) -> int:
        """TIMGetLoginStatus()."""
        return self.call_result("TIMGetLoginStatus")

    def login_user_id(self) -> Optional[str]:
        """TIMGetLoginUserID(): the logged-in user, or None."""
        buffer = ffi.new("char[128]")
        if self.call_result("TIMGetLoginUserID", buffer) != 0:
            return None
        return _text(buffer)

    # ---- the local engine's extensions (timconv_ext.h) ----

    def set_clock(self, epoch_seconds: int) -> None:
        """timconv_set_clock: the engine's clock reads ``epoch_seconds`` (0: the real clock)."""
        self._invoke("timconv_set_clock", (epoch_seconds,))

    def fault_fail_next(self, function: str, count: int, code: int) -> None:
        """timconv_fault_fail_next."""
        name = "timconv_fault_fail_next"
        check(self.call_result(name, function.encode(), count, code), call=name)

    def fault_delay(self, function: Optional[str], milliseconds: int) -> None:
        """timconv_fault_delay (function None: every call)."""
        name = "timconv_fault_delay"
        check(self.call_result(name, function.encode() if function is not None else None, milliseconds), call=name)

    def fault_drop_login(self) -> None:
        """timconv_fault_drop_login."""
        check(self.call_result("timconv_fault_drop_login"), call="timconv_fault_drop_login")

    def fault_clear(self) -> None:
        """timconv_fault_clear."""
        self._invoke("timconv_fault_clear", ())

    # ---- recording ----

    def start_recording(self, recorder: Optional[Recorder] = None) -> Recorder:
        """Records every call, callback and event made through the binding from now on (into
        ``recorder``, or the one already recording, or a new one); returns the recorder. (A
        Recorder with no records is falsy: it has a length, so it is tested against None.)"""
        if recorder is not None:
            self.recorder = recorder
        elif self.recorder is None:
            self.recorder = Recorder()
        return self.recorder

    def stop_recording(self) -> Optional[Recorder]:
        """Stops recording; returns the recorder (None when none was recording)."""
        recorder, self.recorder = self.recorder, None
        return recorder

    @contextlib.contextmanager
    def recording(self, recorder: Optional[Recorder] = None) -> Iterator[Recorder]:
        """``with lib.recording() as recorder:`` records the calls made inside the block; a
        recording already running (a call inspector's) goes on after it."""
        running = self.recorder
        active = self.start_recording(recorder)
        try:
            yield active
        finally:
            self.recorder = running

    # ---- calls: each made by _invoke, each completion reported by _answered ----

    def _invoke(self, name: str, args: tuple[Any, ...], completion: tuple[Any, ...] = (),
                call: Optional[_Call] = None) -> Any:
        """Calls C function ``name`` with ``args`` (None as NULL) and the completion's callback
        and user_data; returns what it returned. When recording, ``call.record`` is its record,
        set before the C call (its callback may come before the call returns)."""
        args = _c_args(args)
        recorder = self.recorder
        if recorder is None:  # the common case: nothing else to do
            return getattr(self._raw, name)(*args, *completion)
        described = _named(name, (*args, *completion[:1], None) if completion else args)
        record = recorder.call(name, described, expects_callback=bool(completion))
        if call is not None:
            call.record = record
        result = getattr(self._raw, name)(*args, *completion)
        recorder.returned(record, result if type(result) is int else _described(result))  # a TIMResult, mostly
        return result

    def _call_record(self) -> Optional[_Call]:
        """Where a call's record will be kept: only while recording (no work otherwise)."""
        return _Call() if self.recorder is not None else None

    def _answered(self, call: Optional[_Call], code: int, desc: str, text: Callable[[], str],
                  thread: Optional[int] = None, when: Optional[float] = None) -> None:
        """A call's callback, recorded when the call was (its JSON as ``text()``, read only then)."""
        recorder = self.recorder
        if call is not None and call.record is not None and recorder is not None:
            recorder.called_back(call.record, code, desc, text(), thread_id=thread, when=when)

    def _answered_reply(self, call: Optional[_Call], reply: Reply) -> None:
        """A call's callback, as its completion holds it."""
        if call is not None and call.record is not None:
            self._answered(call, reply.code, reply.desc, reply.text, reply.thread, reply.when)

    def call_result(self, name: str, *args: Any) -> int:
        """Calls C function ``name``, one without a callback; returns what it returned (its
        TIMResult for most)."""
        return int(self._invoke(name, args))

    def call_and_wait(self, name: str, *args: Any, timeout: float, read: Callable[[Reply], Any] = Reply.text,
                      lend: bool = False) -> Waited:
        """Calls C function ``name`` with ``args`` plus a waiter as its completion, and waits for
        it with the GIL released, up to ``timeout`` seconds; the library's thread completes it
        without entering Python. Returns (TIMResult, None) when refused, (0, (code, desc, value))
        when it called back, (0, None) when the timeout expired first. A successful reply's JSON
        becomes ``read(reply)`` (with ``lend``, read in place while the library's thread waits:
        a large reply is never copied); a failed one's stays text. The waiter is let go on every
        path."""
        if self.recorder is None:  # the common case: straight to the library
            return wait_for(getattr(self._raw, name), _c_args(args), _WAITER_DONE, timeout, read, lend)
        call = _Call()
        recorder = self.recorder

        def seen(reply: Reply, code: int, desc: str) -> None:
            if call.record is not None:
                recorder.called_back(call.record, code, desc, reply.text(), thread_id=reply.thread, when=reply.when)

        return wait_for(lambda *c_args: self._invoke(name, c_args[:-2], c_args[-2:], call), args, _WAITER_DONE,
                        timeout, read, lend, seen)

    def call_answered(self, name: str, *args: Any, answers: AnswerQueue, on_done: Callable[[Reply], None]) -> int:
        """Calls C function ``name`` with ``args`` plus a ticket of ``answers`` as its completion;
        returns the TIMResult. ``on_done(reply)`` runs exactly once, on the thread that takes the
        answer from the queue, when (and only when) the result is TIM_SUCC. The library's thread
        never enters Python for it."""
        call = self._call_record()
        answered = on_done
        if call is not None:
            def answered(reply: Reply) -> None:
                self._answered_reply(call, reply)
                on_done(reply)

        self._answer_queues.add(answers)
        ticket = answers.ticket(answered)
        result = -1
        try:
            result = self._invoke(name, args, (_TICKET_DONE, ticket), call)
        finally:
            if result != 0:  # refused (or never made): no answer will come
                answers.cancel(ticket)
        return int(result)

    def call(self, name: str, *args: Any, on_done: Callable[[int, str, str], None]) -> int:
        """Calls C function ``name`` with ``args`` plus a callback written in Python, as a C
        program passes its own; returns the TIMResult. ``on_done(code, desc, json)`` runs exactly
        once, on the library's thread, when (and only when) the result is TIM_SUCC."""
        call = self._call_record()
        called_back = on_done
        if call is not None:
            def called_back(code: int, desc: str, payload: str) -> None:
                self._answered(call, code, desc, lambda: payload)
                on_done(code, desc, payload)

        target = self._python_callbacks.hold(called_back, once=True)  # as python_callback, one frame less
        result = -1
        try:
            result = self._invoke(name, args, (_PYTHON_DONE, target.handle), call)
        finally:
            if result != 0:  # refused (or never made): no callback will drop it
                self._python_callbacks.drop(target)
        return int(result)

    def python_callback(self, handler: Callable[[int, str, str], None]) -> PythonCallback:
        """A TIMCommCallback written in Python, to pass with a raw call (``lib.TIMConvCreate(b"bob",
        1, done.callback, done.user_data)``): ``handler(code, desc, json)`` runs once, on the
        library's thread. Call ``done.refused()`` when the call is refused."""
        return PythonCallback(self._python_callbacks, _PYTHON_DONE, handler)

    @property
    def pending_callbacks(self) -> int:
        """How many accepted calls have not called back yet (Python callbacks and queued calls;
        a blocking call waits for its own)."""
        return len(self._python_callbacks) + sum(len(answers) for answers in list(self._answer_queues))

    # ---- global notifications ----

    def set_handler(self, source: str, handler: Optional[Callable[..., None]]) -> None:
        """Routes one global notification (a ``source`` of :data:`timconv_nb.events.NOTIFICATIONS`:
        ``log``, ``conv_event``, ``recv_msg``, ``total_unread``, ...) to ``handler``, which receives
        the C arguments decoded (strings as str); None stops it."""
        notification = BY_SOURCE[source]
        trampoline = _TRAMPOLINES[source]
        old = self._notification_targets.pop(source, None)
        if handler is None:
            if notification.remover is not None:
                self._invoke(notification.remover, (trampoline,))
            else:
                self._invoke(notification.setter, (None, None))
        else:
            delivered = handler

            def handler(*args: Any) -> None:
                recorder = self.recorder
                if recorder is not None and notification.recorded:
                    recorder.event(notification.callback_type, _named(notification.callback_type, args))
                delivered(*args)

            target = self._notification_handlers.hold(handler)
            if notification.remover is not None and old is not None:
                self._invoke(notification.remover, (trampoline,))
            self._invoke(notification.setter, (trampoline, target.handle))
            self._notification_targets[source] = target
        if old is not None:
            self._notification_handlers.drop(old)
            self._retired.append(old)

    def set_log_handler(self, handler: Optional[Callable[[int, str], None]]) -> None:
        """Routes the library's log lines to ``handler(level, text)`` (None: stop)."""
        self.set_handler("log", handler)

    @property
    def global_handlers(self) -> list[str]:
        """The sources of global handler installed (see set_handler)."""
        return sorted(self._notification_targets)


class _RecordedLibrary:
    """The library's functions while recording: each call goes through ``_invoke``."""

    def __init__(self, native: NativeLibrary) -> None:
        self._native = native

    def __getattr__(self, name: str) -> Any:
        function = getattr(self._native._raw, name)
        if not callable(function):
            return function
        return lambda *args: self._native._invoke(name, args)


def open_library(path: Union[str, os.PathLike[str], None] = None) -> NativeLibrary:
    """Opens the local engine (``path`` None) or any library with the same C ABI by path."""
    return NativeLibrary(library_path() if path is None else path)
