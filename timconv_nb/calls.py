"""How a Python method makes its C call: declared once, as a sync method and its ``*_async`` twin.

A method of :class:`~timconv_nb.client.Client` is declared with :func:`api_call` on its argument
builder: the decorator names the C function, the builder turns the method's arguments into the C
arguments, and ``result`` turns the callback's JSON into what the method returns. Both methods
come from that one declaration, with the builder's signature and docstring::

    @api_call("TIMConvCreate", result=Conversation.from_json)
    def create_conversation(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        \"""TIMConvCreate: creates the conversation, or gets it when it exists.\"""
        return arguments.conv_key(conv_id, conv_type)

    create_conversation_async = create_conversation.awaitable

The sync method takes the builder's name; its twin is named beside it, ``<name>_async``, from
``.awaitable``. Both are plain functions installed on the class; for type checkers each is a
descriptor whose ``__get__`` gives the builder's parameters and ``result``'s return type (a
coroutine of it for the twin).

:class:`Caller` is the one way calls are made: a sync method waits on the call's waiter, an
``*_async`` one is answered into its loop's queue (:mod:`timconv_nb.completions`), and both check
the codes (:func:`timconv_nb.errors.check`).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import sys
import threading
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, Callable, Generic, Optional, Protocol, TypeVar, overload

import orjson

from .completions import Reply
from .errors import CODE_MEANINGS, CallTimeoutError, check, error_for
from .loop_bridge import LoopBridges
from .native import NativeLibrary
from .wire import ConvKey, ConvType

if sys.version_info >= (3, 10):
    from typing import ParamSpec
else:
    from typing_extensions import ParamSpec

if TYPE_CHECKING:
    from .client import Client

__all__ = ["api_call", "ApiCall", "AwaitableCall", "CArgs", "Caller", "EngineThread"]

#: The C arguments of a call, as a builder returns them (bytes, ints, enums, None for NULL).
CArgs = tuple[Any, ...]
P = ParamSpec("P")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


def reader(parse: bool = True, decode: Optional[Callable[[Any], Any]] = None) -> Callable[[Reply], Any]:
    """How a successful reply's JSON becomes what the call returns: decode(its bytes, read in
    place), or parsed (None for ""), or, with parse=False, the text."""
    if decode is not None:
        return lambda reply: decode(reply.buffer())
    if parse:
        return _parsed
    return Reply.text


def _parsed(reply: Reply) -> Any:
    body = reply.bytes()
    return orjson.loads(body) if body else None


class EngineThread:
    """Which thread is the library's own: learnt from the first event (the only Python that runs
    on it: calls complete in C)."""

    def __init__(self) -> None:
        self.ident: Optional[int] = None

    def seen(self) -> None:
        """Called on the library's thread."""
        self.ident = threading.get_ident()

    def is_current(self) -> bool:
        return self.ident == threading.get_ident()


class Caller:
    """Makes the calls of one client through its binding: a sync method waits on a waiter, an
    awaited one is answered into its loop's queue."""

    def __init__(self, native: NativeLibrary, timeout: Callable[[], float], engine_thread: EngineThread) -> None:
        self.native = native
        self._timeout = timeout
        self.engine_thread = engine_thread
        self._bridges = LoopBridges()

    def wait(self, function: str, args: CArgs, read: Callable[[Reply], Any] = _parsed, lend: bool = False) -> Any:
        """Calls ``function`` and waits for its callback, in C with the GIL released; returns
        ``read(reply)`` (see :func:`reader`) or raises the code's exception. With ``lend``, the
        reply is lent and read in place (a large reply is never copied)."""
        if self.engine_thread.is_current():
            raise RuntimeError(
                f"{function}: a blocking call from an event handler would wait for the engine's own thread; "
                "use the *_async method without waiting, or hand the work to another thread"
            )
        timeout = self._timeout()
        result, reply = self.native.call_and_wait(function, *args, timeout=timeout, read=read, lend=lend)
        check(result, call=function)
        if reply is None:
            raise CallTimeoutError(call=function, desc=f"no callback within {timeout:g}s; its outcome is unknown")
        code, desc, value = reply
        check(code, desc, function)
        return value

    def start(self, function: str, args: CArgs, read: Callable[[Reply], Any] = _parsed) -> asyncio.Future[Any]:
        """Calls ``function`` and returns an asyncio future of its callback's JSON (read as for
        :meth:`wait`), on the running loop: the call is answered into the loop's answer queue and
        the loop takes the answers in batches (see LoopBridge). A refused call raises at once."""
        loop = asyncio.get_running_loop()
        bridge = self._bridges.get(loop)
        future = loop.create_future()

        def answered(reply: Reply) -> None:
            if future.cancelled():
                return
            if reply.code != 0:
                future.set_exception(error_for(reply.code, reply.desc, function))
                return
            try:
                future.set_result(read(reply))
            except Exception as exc:  # JSON that does not decode: the awaiting code gets the error
                future.set_exception(exc)

        check(self.native.call_answered(function, *args, answers=bridge.answers(), on_done=answered), call=function)
        return future

    def close(self) -> None:
        """The client is closed: its loops' answer queues are closed once drained."""
        self._bridges.close()

    def result(self, function: str, args: CArgs) -> None:
        """Calls ``function``, one that answers with its TIMResult alone (the draft calls, the
        unread subscriptions); a refusal of a call on one conversation names it."""
        code = self.native.call_result(function, *args)
        if code != 0:
            desc = ""
            if len(args) > 1 and isinstance(args[1], ConvType):
                key = ConvKey(args[1], args[0].decode("utf-8", "replace"))
                desc = f"{CODE_MEANINGS.get(code, 'refused')} (conversation {key})"
            check(code, desc, function)


class BoundCall(Protocol[P, R_co]):
    """What a type checker sees of a Client method declared by :func:`api_call`: the builder's
    parameters, the result's type, and the C function it calls."""

    c_function: str

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R_co: ...


class ApiCall(Generic[P, R]):
    """One C call of the API as a pair of Client methods (see :func:`api_call`). Installs the
    sync method under its own name on the class it is declared in; :attr:`awaitable`, assigned
    beside it as ``<name>_async``, installs the twin."""

    def __init__(self, function: str, build: Callable[P, CArgs], result: Optional[Callable[..., R]],
                 parse: bool, callback: bool, result_takes_arguments: bool,
                 before: Optional[Callable[[Client], None]], decode: Optional[Callable[[Any], Any]] = None) -> None:
        self.before = before
        self.c_function = function
        self.build = build
        self.result = result
        self.parse = parse
        self.decode = decode
        self.callback = callback
        self.result_takes_arguments = result_takes_arguments

    @property
    def name(self) -> str:
        """The sync method's name: the builder's."""
        return self.build.__name__

    @property
    def awaitable(self) -> AwaitableCall[P, R]:
        """The ``*_async`` twin, to assign as ``<name>_async`` beside the sync method."""
        return AwaitableCall(self)

    def __set_name__(self, owner: type, name: str) -> None:
        if name != self.name:
            raise TypeError(f"{owner.__name__}.{name}: an api_call method takes its builder's name, {self.name}")
        setattr(owner, name, self._method(asynchronous=False))

    if TYPE_CHECKING:
        # Never called: __set_name__ replaces the descriptor with the method itself.
        @overload
        def __get__(self, instance: None, owner: type) -> ApiCall[P, R]: ...

        @overload
        def __get__(self, instance: object, owner: type) -> BoundCall[P, R]: ...

        def __get__(self, instance: object, owner: type) -> ApiCall[P, R] | BoundCall[P, R]: ...

    def _method(self, asynchronous: bool) -> Callable[..., Any]:
        """The sync method, or its awaitable twin: a function with the builder's signature (and
        ``self``), its docstring and ``c_function``."""
        function, build, convert = self.c_function, self.build, self.result
        takes_arguments, before = self.result_takes_arguments, self.before
        read, lend = reader(self.parse, self.decode), self.decode is not None  # once, not at every call

        def finish(reply: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
            if convert is None:
                return None
            return convert(reply, *args, **kwargs) if takes_arguments else convert(reply)

        method: Callable[..., Any]
        if self.callback and not asynchronous:
            def method(self: Client, *args: Any, **kwargs: Any) -> Any:
                c_args = build(*args, **kwargs)
                if before is not None:
                    before(self)
                return finish(self._caller.wait(function, c_args, read, lend), args, kwargs)
        elif self.callback:
            async def method(self: Client, *args: Any, **kwargs: Any) -> Any:
                c_args = build(*args, **kwargs)
                if before is not None:
                    before(self)
                return finish(await self._caller.start(function, c_args, read), args, kwargs)
        elif not asynchronous:
            def method(self: Client, *args: Any, **kwargs: Any) -> None:
                self._caller.result(function, build(*args, **kwargs))
        else:
            async def method(self: Client, *args: Any, **kwargs: Any) -> None:
                """The C call answers at once; this twin exists so every call can be awaited."""
                self._caller.result(function, build(*args, **kwargs))

        signature = inspect.signature(build)
        self_parameter = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        functools.update_wrapper(method, build, assigned=("__module__", "__doc__"), updated=())
        method.__name__ = method.__qualname__ = f"{self.name}_async" if asynchronous else self.name
        # What help() and inspect show, and what the call inventory reads (function attributes).
        vars(method).update(__signature__=signature.replace(parameters=[self_parameter, *signature.parameters.values()],
                                                            return_annotation=inspect.Signature.empty),
                            c_function=function)
        if asynchronous:
            method.__doc__ = f"Awaitable :meth:`{self.name}`. " + (build.__doc__ or "")
        return method


class AwaitableCall(Generic[P, R]):
    """The ``*_async`` twin of an :class:`ApiCall`: installs itself on the class it is assigned
    in, as ``<name>_async``."""

    def __init__(self, call: ApiCall[P, R]) -> None:
        self.call = call

    def __set_name__(self, owner: type, name: str) -> None:
        if name != f"{self.call.name}_async":
            raise TypeError(f"{owner.__name__}.{name}: the awaitable twin of {self.call.name} is named "
                            f"{self.call.name}_async")
        setattr(owner, name, self.call._method(asynchronous=True))

    if TYPE_CHECKING:
        # Never called: __set_name__ replaces the descriptor with the method itself.
        @overload
        def __get__(self, instance: None, owner: type) -> AwaitableCall[P, R]: ...

        @overload
        def __get__(self, instance: object, owner: type) -> BoundCall[P, Coroutine[Any, Any, R]]: ...

        def __get__(self, instance: object,
                    owner: type) -> AwaitableCall[P, R] | BoundCall[P, Coroutine[Any, Any, R]]: ...


@overload
def api_call(function: str, *, result: Callable[..., R], parse: bool = True, result_takes_arguments: bool = False,
             before: Optional[Callable[[Client], None]] = None,
             decode: Optional[Callable[[Any], Any]] = None) -> Callable[[Callable[P, CArgs]], ApiCall[P, R]]: ...


@overload
def api_call(function: str, *, callback: bool = True, before: Optional[Callable[[Client], None]] = None
             ) -> Callable[[Callable[P, CArgs]], ApiCall[P, None]]: ...


def api_call(function: str, *, result: Optional[Callable[..., Any]] = None, parse: bool = True,
             callback: bool = True, result_takes_arguments: bool = False,
             before: Optional[Callable[[Client], None]] = None,
             decode: Optional[Callable[[Any], Any]] = None) -> Callable[[Callable[P, CArgs]], ApiCall[P, Any]]:
    """Declares a Client method pair calling C function ``function`` (see the module docstring).

    ``result`` converts the callback's JSON (parsed, or the text with parse=False; with
    result_takes_arguments it also receives the method's arguments); None: the method returns
    None. ``callback=False`` for the C calls that answer with their TIMResult alone. ``before``
    runs with the client once the arguments are checked, just before the call (a login starts
    watching for the sync that follows it). ``decode`` turns the callback's JSON (a buffer over
    the C text for a sync call, read in place; text for an async one) into what ``result``
    receives: for large replies, which then are never copied into a str."""

    def declare(build: Callable[P, CArgs]) -> ApiCall[P, Any]:
        return ApiCall(function, build, result, parse, callback, result_takes_arguments, before, decode)

    return declare
