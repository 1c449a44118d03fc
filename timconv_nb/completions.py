"""How calls into the C library complete, and how its callbacks reach Python.

The C side is compiled into ``timconv_nb._callbacks`` (``engine/completions/`` and
``engine/cffi_build.py``); this module wraps it:

* :func:`wait_for`: the one completion of a blocking call, a waiter. The library's thread stores
  the reply in C and wakes the waiting thread, which waits with the GIL released; a large reply
  can be lent instead of copied (read in place while the library's thread waits).
* :class:`AnswerQueue`: the one completion of an awaited call. The library's thread queues the
  reply in C and writes an eventfd; the queue's owner (an asyncio loop) takes the answers in
  batches on its own thread.
* :class:`Handles`: the Python objects the library may call back through a trampoline (a
  notification's handler, or a raw :class:`PythonCallback`), each kept alive while the library
  may call it.
* one ``extern "Python"`` trampoline per callback type, made from the declarations
  (:func:`trampoline`).

The library's thread enters Python only through a trampoline: never for a waiter or a queue.
Nothing here knows which library is called, nor records anything (the binding,
:mod:`timconv_nb.native`, does both).
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from typing import Any, Callable, Optional

from . import _callbacks

__all__ = ["Reply", "Waited", "wait_for", "AnswerQueue", "Handles", "PythonCallback", "trampoline", "live", "text_of"]

log = logging.getLogger(__name__)

_ffi = _callbacks.ffi
_c = _callbacks.lib

#: The C callbacks that complete a call into a waiter or a ticket (API-mode pointers; the binding
#: casts them to its own ffi's TIMCommCallback).
WAITER_DONE = _c.timconv_waiter_done
TICKET_DONE = _c.timconv_ticket_done


#: ffi.string of a char* (bytes: only a wchar_t* gives str), typed so, with no cast on every call.
_string: Callable[[Any], bytes] = _ffi.string  # type: ignore[assignment]  # str is for wchar_t* only


def text_of(pointer: Any) -> str:
    """A C string as str (invalid UTF-8 replaced, NULL as "")."""
    if pointer == _ffi.NULL:
        return ""
    return _string(pointer).decode("utf-8", "replace")


def live() -> int:
    """Waiters and tickets not freed yet, in this process (0 when every call has let go)."""
    return int(_c.timconv_completions_live())


class Reply:
    """A call's reply, as its completion holds it: readable while the completion does (until a
    waiter is released, or while a queue's answer is being handled)."""

    __slots__ = ("_c", "_text")

    def __init__(self, c_reply: Any) -> None:
        self._c = c_reply
        self._text: Optional[str] = None  # decoded once, for the caller and the recorder alike

    @property
    def code(self) -> int:
        return int(self._c.code)

    @property
    def desc(self) -> str:
        return text_of(self._c.desc)

    @property
    def thread(self) -> int:
        """The thread that called back, as Python's thread ident."""
        return int(self._c.thread)

    @property
    def when(self) -> float:
        """When it called back, in seconds since the epoch."""
        return float(self._c.done_ns) / 1e9

    def text(self) -> str:
        """The reply's JSON as text."""
        if self._text is None:
            self._text = text_of(self._c.json)
        return self._text

    def bytes(self) -> bytes:
        """The reply's JSON as bytes (a copy: the quickest to parse when it is small)."""
        json = self._c.json
        return _string(json) if json != _ffi.NULL else b""

    def buffer(self) -> memoryview:
        """The reply's JSON as bytes read in place (no copy)."""
        length = _c.timconv_text_length(self._c.json)
        return memoryview(_ffi.buffer(self._c.json, length)) if length else memoryview(b"")


#: What a blocking call gave: its TIMResult, and when accepted (0) its callback's code, desc and
#: value, or None when the timeout expired first.
Waited = tuple[int, Optional[tuple[int, str, Any]]]


#: Shown a blocking call's reply first (the recorder): the reply, its code and its desc.
Seen = Callable[["Reply", int, str], None]


def wait_for(function: Callable[..., int], args: tuple[Any, ...], done: Any, timeout: float,
             read: Callable[[Reply], Any], lend: bool = False, seen: Optional[Seen] = None) -> Waited:
    """A blocking call, completed by a waiter: ``function(*args, done, waiter)`` makes the C call
    with ``done`` (:data:`WAITER_DONE`, cast by the caller's ffi) and the waiter as its callback and
    user_data, and returns its TIMResult; then this waits with the GIL released, up to
    ``timeout`` seconds. Returns (TIMResult, None)
    when refused, (0, None) when the time ran out, else (0, (code, desc, value)): ``read(reply)``
    for a success (with ``lend``, read in place while the library's thread waits: a large reply
    is never copied), the JSON text for a failure. ``seen(reply, code, desc)`` is shown every
    reply first (the recorder). The waiter is let go on every path, a ``function`` that raises included."""
    waiter = _c.timconv_waiter_new(1 if lend else 0)
    if waiter == _ffi.NULL:
        raise MemoryError("no memory for a call's waiter")
    accepted = False
    try:
        result = function(*args, done, waiter)
        accepted = result == 0
        if not accepted:
            return int(result), None
        if not _c.timconv_waiter_wait(waiter, timeout):
            return 0, None
        reply = Reply(_c.timconv_waiter_reply(waiter))
        c_reply = reply._c
        code, desc = int(c_reply.code), text_of(c_reply.desc)
        if seen is not None:
            seen(reply, code, desc)
        return 0, (code, desc, read(reply) if code == 0 else text_of(c_reply.json))
    finally:
        if not accepted:  # refused, or never made: no callback will drop its reference
            _c.timconv_waiter_refused(waiter)
        _c.timconv_waiter_release(waiter)


#: What runs when an awaited call is answered, on the queue owner's thread.
Answered = Callable[[Reply], None]


class AnswerQueue:
    """The completion of awaited calls (``completions/answers.h``): the library's thread copies
    each reply into the call's ticket and queues it without entering Python; the queue's ``fd``
    becomes readable and its owner calls :meth:`take`, which runs the calls' handlers in batches
    on the owner's thread. One thread owns a queue (an asyncio loop's: it watches ``fd``)."""

    BATCH = 256

    def __init__(self) -> None:
        self._c = _c.timconv_answers_new()
        if self._c == _ffi.NULL:
            raise OSError("no eventfd or memory for an answer queue")
        self.fd = int(_c.timconv_answers_fd(self._c))
        self._waiting: dict[int, Answered] = {}
        self._ids = itertools.count(1)
        self._taken = _ffi.new("timconv_ticket*[]", self.BATCH)
        # A queue dropped without close() is closed when collected (its eventfd too, once its
        # pending calls have been answered).
        self._close = weakref.finalize(self, _c.timconv_answers_close, self._c)

    def __len__(self) -> int:
        """Calls not answered yet (answers waiting to be taken are not counted)."""
        return int(_c.timconv_answers_pending(self._c)) if self._c is not None else 0

    def ticket(self, on_done: Answered) -> Any:
        """A ticket for one call: the user_data to pass with :data:`TICKET_DONE`."""
        if self._c is None:
            raise ValueError("the answer queue is closed")
        ticket_id = next(self._ids)
        ticket = _c.timconv_ticket_new(self._c, ticket_id)
        if ticket == _ffi.NULL:
            raise MemoryError("no memory for a call's ticket")
        self._waiting[ticket_id] = on_done
        return ticket

    def cancel(self, ticket: Any) -> None:
        """The call was refused, or never made: no answer will come."""
        self._waiting.pop(ticket.id, None)
        _c.timconv_ticket_cancel(ticket)

    def take(self) -> int:
        """Runs the handlers of up to BATCH answered calls, oldest first (one that raises is
        logged); returns how many were taken (0 once closed)."""
        if self._c is None:
            return 0
        taken = self._taken
        count = int(_c.timconv_answers_take(self._c, taken, self.BATCH))
        try:
            for i in range(count):
                ticket = taken[i]
                on_done = self._waiting.pop(ticket.id)
                try:
                    on_done(Reply(ticket.reply))
                except Exception:
                    log.exception("an answered call's handler raised")
        finally:
            _c.timconv_tickets_free(taken, count)
        return count

    def close(self) -> None:
        """The owner is done with the queue: answers not taken are dropped (see answers.h)."""
        if self._c is not None:
            self._close()
            self._c = None
            self._waiting.clear()


class _Target:
    """A Python object the library may call back: the handler, and the handle naming it."""

    __slots__ = ("handles", "handler", "once", "handle", "__weakref__")

    def __init__(self, handles: Handles, handler: Callable[..., None], once: bool) -> None:
        self.handles = handles
        self.handler = handler
        self.once = once
        self.handle = _ffi.new_handle(self)


class Handles:
    """The targets the library may still call back (a handle must outlive every callback that
    names it). Its lock guards only the dict."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: dict[int, _Target] = {}

    def hold(self, handler: Callable[..., None], once: bool = False) -> _Target:
        """A target for ``handler``, kept until :meth:`drop` (or, ``once``, until its first call)."""
        target = _Target(self, handler, once)
        with self._lock:
            self._live[id(target)] = target
        return target

    def drop(self, target: _Target) -> None:
        with self._lock:
            self._live.pop(id(target), None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._live)


def _report_callback_error(exc_type: type, exc: BaseException, tb: Any) -> None:
    log.error("exception in a C callback handler", exc_info=(exc_type, exc, tb))


def trampoline(callback_type: str) -> Any:
    """The ``extern "Python"`` function of one callback type (API-mode pointer): it decodes the
    C arguments (strings as str, numbers as int) and calls the handler its user_data names.
    TIMCommCallback, the one every call answers through, has a trampoline written out."""
    decoders = [text_of if arg.kind == "pointer" else int for arg in _ffi.typeof(callback_type).args[:-1]]

    def called_back(*args: Any) -> None:
        target: _Target = _ffi.from_handle(args[-1])
        if target.once:
            target.handles.drop(target)
        target.handler(*[decode(a) for decode, a in zip(decoders, args)])

    def call_done(code: int, desc: Any, json_params: Any, user_data: Any) -> None:
        target: _Target = _ffi.from_handle(user_data)
        if target.once:
            target.handles.drop(target)
        target.handler(code, text_of(desc), text_of(json_params))

    name = f"timconv_on_{callback_type}"
    # types-cffi declares def_extern as returning None; it returns the decorator.
    handler = call_done if callback_type == "TIMCommCallback" else called_back
    _ffi.def_extern(name=name, onerror=_report_callback_error)(handler)  # type: ignore[func-returns-value,misc]
    return getattr(_c, name)


class PythonCallback:
    """A TIMCommCallback written in Python, for using the raw API as C does: pass
    :attr:`callback` and :attr:`user_data` with any call; ``handler(code, desc, json)`` runs once,
    on the library's thread, with the callback's arguments as str."""

    def __init__(self, handles: Handles, callback: Any, handler: Callable[[int, str, str], None]) -> None:
        self._target = handles.hold(handler, once=True)
        self.callback = callback
        self.user_data = self._target.handle

    def refused(self) -> None:
        """The call was refused: its callback will never run."""
        self._target.handles.drop(self._target)
