"""How a Python method makes its C call: declared once, as a sync method and its ``*_async`` twin.

A method of :class:`~timconv_nb.client.Client` is declared with :func:`api_call` on its argument
builder: the decorator names the C function, the builder turns the method's arguments into the C
arguments, and ``result`` turns the callback's JSON into what the method returns. Both methods
come from that one declaration, with the builder's signature and docstring::

    @api_call("TIMConvCreate", result=Conversation.from_json)
    def create_conversation(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> tuple:
        \"""TIMConvCreate: creates the conversation, or gets it when it exists.\"""
        return arguments.conv_key(conv_id, conv_type)

:class:`Caller` is the one way calls are made: a sync method waits on the call's waiter, an
``*_async`` one is answered into its loop's queue (:mod:`timconv_nb.completions`), and both check
the codes (:func:`timconv_nb.errors.check`).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import threading
from typing import Any, Callable, Optional

import orjson

from .completions import Reply
from .errors import CODE_MEANINGS, CallTimeoutError, check, error_for
from .loop_bridge import LoopBridges
from .native import NativeLibrary
from .wire import ConvKey, ConvType

__all__ = ["api_call", "ApiCall", "Caller", "EngineThread"]


def _reader(parse: bool, decode: Optional[Callable[[Any], Any]]) -> Callable[[Reply], Any]:
    """How a successful reply's JSON becomes what the call returns: decode(its bytes, read in
    place), or parsed (None for ""), or, with parse=False, the text."""
    if decode is not None:
        return lambda reply: decode(reply.buffer())
    if parse:
        return _parsed
    return Reply.text


def _parsed(reply: Reply) -> Any:
    body = reply.buffer()
    return orjson.loads(body) if len(body) else None


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

    def wait(self, function: str, args: tuple, parse: bool = True,
             decode: Optional[Callable[[Any], Any]] = None) -> Any:
        """Calls ``function`` and waits for its callback, in C with the GIL released; returns its
        JSON (parsed unless parse=False) or raises the code's exception. With ``decode``, the
        reply is lent and decoded in place (a large reply is never copied)."""
        if self.engine_thread.is_current():
            raise RuntimeError(
                f"{function}: a blocking call from an event handler would wait for the engine's own thread; "
                "use the *_async method without waiting, or hand the work to another thread"
            )
        timeout = self._timeout()
        result, reply = self.native.call_and_wait(function, *args, timeout=timeout, read=_reader(parse, decode),
                                                  lend=decode is not None)
        check(result, call=function)
        if reply is None:
            raise CallTimeoutError(call=function, desc=f"no callback within {timeout:g}s; its outcome is unknown")
        code, desc, value = reply
        check(code, desc, function)
        return value

    def start(self, function: str, args: tuple, parse: bool = True,
              decode: Optional[Callable[[Any], Any]] = None) -> asyncio.Future[Any]:
        """Calls ``function`` and returns an asyncio future of its callback's JSON (read as for
        :meth:`wait`), on the running loop: the call is answered into the loop's answer queue and
        the loop takes the answers in batches (see LoopBridge). A refused call raises at once."""
        loop = asyncio.get_running_loop()
        bridge = self._bridges.get(loop)
        future = loop.create_future()
        read = _reader(parse, decode)

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

    def result(self, function: str, args: tuple) -> None:
        """Calls ``function``, one that answers with its TIMResult alone (the draft calls, the
        unread subscriptions); a refusal of a call on one conversation names it."""
        code = self.native.call_result(function, *args)
        if code != 0:
            desc = ""
            if len(args) > 1 and isinstance(args[1], ConvType):
                key = ConvKey(args[1], args[0].decode("utf-8", "replace"))
                desc = f"{CODE_MEANINGS.get(code, 'refused')} (conversation {key})"
            check(code, desc, function)


class ApiCall:
    """One C call of the API as a pair of Client methods (see :func:`api_call`). Installs
    ``name`` and ``name_async`` on the class it is declared in."""

    def __init__(self, function: str, build: Callable[..., tuple], result: Optional[Callable[..., Any]],
                 parse: bool, callback: bool, result_takes_arguments: bool,
                 before: Optional[Callable[[Any], None]], decode: Optional[Callable[[Any], Any]] = None) -> None:
        self.before = before
        self.function = function
        self.build = build
        self.result = result
        self.parse = parse
        self.decode = decode
        self.callback = callback
        self.result_takes_arguments = result_takes_arguments

    def __set_name__(self, owner: type, name: str) -> None:
        sync, asynchronous = self._methods(name)
        setattr(owner, name, sync)
        setattr(owner, f"{name}_async", asynchronous)

    def _methods(self, name: str) -> tuple[Callable[..., Any], Callable[..., Any]]:
        function, build, convert, parse, decode = self.function, self.build, self.result, self.parse, self.decode
        takes_arguments, before = self.result_takes_arguments, self.before

        def finish(reply: Any, args: tuple, kwargs: dict) -> Any:
            if convert is None:
                return None
            return convert(reply, *args, **kwargs) if takes_arguments else convert(reply)

        if self.callback:
            def sync(self: Any, *args: Any, **kwargs: Any) -> Any:
                c_args = build(*args, **kwargs)
                if before is not None:
                    before(self)
                return finish(self._caller.wait(function, c_args, parse, decode), args, kwargs)

            async def asynchronous(self: Any, *args: Any, **kwargs: Any) -> Any:
                c_args = build(*args, **kwargs)
                if before is not None:
                    before(self)
                return finish(await self._caller.start(function, c_args, parse, decode), args, kwargs)
        else:
            def sync(self: Any, *args: Any, **kwargs: Any) -> Any:
                self._caller.result(function, build(*args, **kwargs))

            async def asynchronous(self: Any, *args: Any, **kwargs: Any) -> Any:
                """The C call answers at once; this twin exists so every call can be awaited."""
                self._caller.result(function, build(*args, **kwargs))

        signature = inspect.signature(build)
        self_parameter = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        method_signature = signature.replace(parameters=[self_parameter, *signature.parameters.values()],
                                             return_annotation=inspect.Signature.empty)
        for method, suffix in ((sync, ""), (asynchronous, "_async")):
            functools.update_wrapper(method, build, assigned=("__module__", "__doc__"), updated=())
            method.__name__ = method.__qualname__ = f"{name}{suffix}"
            method.__signature__ = method_signature  # type: ignore[attr-defined]
            method.c_function = function  # type: ignore[attr-defined]
        asynchronous.__doc__ = f"Awaitable :meth:`{name}`. " + (build.__doc__ or "")
        return sync, asynchronous


def api_call(function: str, *, result: Optional[Callable[..., Any]] = None, parse: bool = True,
             callback: bool = True, result_takes_arguments: bool = False,
             before: Optional[Callable[[Any], None]] = None,
             decode: Optional[Callable[[Any], Any]] = None) -> Callable[[Callable[..., tuple]], ApiCall]:
    """Declares a Client method pair calling C function ``function`` (see the module docstring).

    ``result`` converts the callback's JSON (parsed, or the text with parse=False; with
    result_takes_arguments it also receives the method's arguments); None: the method returns
    None. ``callback=False`` for the C calls that answer with their TIMResult alone. ``before``
    runs with the client once the arguments are checked, just before the call (a login starts
    watching for the sync that follows it). ``decode`` turns the callback's JSON (a buffer over
    the C text for a sync call, read in place; text for an async one) into what ``result``
    receives: for large replies, which then are never copied into a str."""

    def declare(build: Callable[..., tuple]) -> ApiCall:
        return ApiCall(function, build, result, parse, callback, result_takes_arguments, before, decode)

    return declare
