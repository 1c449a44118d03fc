"""How calls into the C library complete, and how its callbacks reach Python.

The C side is compiled into ``timconv_nb._callbacks`` (``engine/completions/`` and
``engine/cffi_build.py``); this module wraps it:

* :class:`Waiter`: the one completion of a blocking call. The library's thread stores the reply
  in C and wakes the waiting thread, which waits with the GIL released; a large reply can be
  lent instead of copied (read in place while the library's thread waits).
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
from typing import Any, Callable, cast

from . import _callbacks

__all__ = ["Reply", "Waiter", "AnswerQueue", "Handles", "PythonCallback", "trampoline", "live", "text_of"]

log = logging.getLogger(__name__)

_ffi = _callbacks.ffi
_c = _callbacks.lib

#: The C callbacks that complete a call into a waiter or a ticket (API-mode pointers; the binding
#: casts them to its own ffi's TIMCommCallback).
WAITER_DONE = _c.timconv_waiter_done
TICKET_DONE = _c.timconv_ticket_done


def text_of(pointer: Any) -> str:
    """A C string as str (invalid UTF-8 replaced, NULL as "")."""
    if pointer == _ffi.NULL:
        return ""
    text = cast(bytes, _ffi.string(pointer))  # a char*: bytes (str only for a wchar_t*)
    return text.decode("utf-8", "replace")


def live() -> int:
    """Waiters and tickets not freed yet, in this process (0 when every call has let go)."""
    return int(_c.timconv_completions_live())


class Reply:
    """A call's reply, as its completion holds it: readable while the completion does (until a
    waiter is released, or while a queue's answer is being handled)."""

    __slots__ = ("_c",)

    def __init__(self, c_reply: Any) -> None:
        self._c = c_reply

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
        return text_of(self._c.json)

    def buffer(self) -> memoryview:
        """The reply's JSON as bytes read in place (no copy)."""
        length = _c.timconv_text_length(self._c.json)
        return memoryview(_ffi.buffer(self._c.json, length)) if length else memoryview(b"")


class Waiter:
    """One blocking call's completion: pass :data:`WAITER_DONE` and :attr:`user_data` with the
    call, :meth:`wait`, read :meth:`reply`, and always :meth:`release` (``accepted=False`` when
    the call was refused or never made: then no callback will come)."""

    def __init__(self, lend: bool = False) -> None:
        self._c = _c.timconv_waiter_new(1 if lend else 0)
        if self._c == _ffi.NULL:
            raise MemoryError("no memory for a call's waiter")

    @property
    def user_data(self) -> Any:
        return self._c

    def wait(self, timeout: float) -> bool:
        """Waits with the GIL released, up to ``timeout`` seconds; True once the call answered."""
        return bool(_c.timconv_waiter_wait(self._c, timeout))

    def reply(self) -> Reply:
        """The reply, once :meth:`wait` returned True, until :meth:`release`."""
        return Reply(_c.timconv_waiter_reply(self._c))

    def release(self, accepted: bool) -> None:
        """The waiting side is done (a lent reply goes back to the library's thread)."""
        if self._c is None:
            return
        if not accepted:
            _c.timconv_waiter_refused(self._c)
        _c.timconv_waiter_release(self._c)
        self._c = None


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
    C arguments (strings as str, numbers as int) and calls the handler its user_data names."""
    decoders = [text_of if arg.kind == "pointer" else int for arg in _ffi.typeof(callback_type).args[:-1]]

    def called_back(*args: Any) -> None:
        target: _Target = _ffi.from_handle(args[-1])
        if target.once:
            target.handles.drop(target)
        target.handler(*[decode(a) for decode, a in zip(decoders, args)])

    name = f"timconv_on_{callback_type}"
    # types-cffi declares def_extern as returning None; it returns the decorator.
    _ffi.def_extern(name=name, onerror=_report_callback_error)(called_back)  # type: ignore[func-returns-value,misc]
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
