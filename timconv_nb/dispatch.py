"""Client events: who listens to what, and the one path from a C notification to the handlers.

The notifications are the rows of :data:`timconv_nb.events.NOTIFICATIONS`; a C callback is
registered only while some handler wants one of its events, so an unobserved event costs no call
into Python on the engine's thread.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Union

from .calls import EngineThread
from .events import EVENTS, Notification, notification_of
from .model import Conversation, ConvEvent
from .native import NativeLibrary

__all__ = ["EventHub", "EventHandler"]

log = logging.getLogger(__name__)

EventHandler = Callable[..., None]


def event_name(event: Union[ConvEvent, str]) -> str:
    """The name of an event given as a ConvEvent or a name (any case)."""
    if isinstance(event, ConvEvent):
        return event.name.lower()
    if isinstance(event, str) and event.lower() in EVENTS:
        return event.lower()
    raise ValueError(f"unknown event {event!r}: use one of {list(EVENTS)}")


class EventHub:
    """The handlers of one client's events. Its lock guards the handler lists (replaced, never
    changed in place, so delivery reads them without the lock)."""

    def __init__(self, native: NativeLibrary, engine_thread: EngineThread) -> None:
        self._native = native
        self._engine_thread = engine_thread
        self._lock = threading.Lock()
        self._handlers: dict[str, list[EventHandler]] = {event: [] for event in EVENTS}
        self.open = True

    def on(self, event: Union[ConvEvent, str], handler: EventHandler) -> EventHandler:
        name = event_name(event)
        if not callable(handler):
            raise TypeError("handler must be callable")
        with self._lock:
            self._handlers[name] = self._handlers[name] + [handler]
            self._install(notification_of(name))
        return handler

    def off(self, event: Union[ConvEvent, str], handler: EventHandler) -> None:
        name = event_name(event)
        with self._lock:
            handlers = list(self._handlers[name])
            handlers.remove(handler)
            self._handlers[name] = handlers
            self._install(notification_of(name))

    def _install(self, notification: Notification) -> None:
        """Registers or removes the notification's C callback as its events are watched (lock held)."""
        wanted = any(self._handlers[event] for event in notification.events)
        if self.open and wanted != (notification.source in self._native.global_handlers):
            self._native.set_handler(notification.source, self._deliverer(notification) if wanted else None)

    def _deliverer(self, notification: Notification) -> Callable[..., None]:
        """The handler of one notification: picks the event, converts the C arguments only when
        someone listens to that event, and calls each handler (one that raises is logged)."""
        first = notification.events[0]
        event_of, convert = notification.event_of, notification.convert

        def deliver(*c_args: Any) -> None:
            self._engine_thread.seen()
            handlers = self._handlers[event_of(*c_args) if event_of is not None else first]
            if not handlers:
                return
            args = convert(*c_args)
            for handler in handlers:
                try:
                    handler(*args)
                except Exception:
                    log.exception("%s handler %r raised", notification.source, handler)

        return deliver


class SyncWatch:
    """The conversation sync that follows a login: the vendor's SDK fetches the list from its
    server after logging in and announces ``kTIMConvEvent_Start`` then ``kTIMConvEvent_Finish``;
    the list can be incomplete until Finish. :meth:`expect` (just before TIMLogin) starts watching
    for Finish with a one-shot handler, so the watch costs nothing between logins."""

    def __init__(self, hub: EventHub) -> None:
        self._hub = hub
        self._lock = threading.Lock()  # guards _watching
        self._watching = False
        self._finished = threading.Event()
        self._finished.set()  # no login yet: nothing to wait for

    def expect(self) -> None:
        """A login is about to be made: its sync is not finished yet."""
        with self._lock:
            self._finished.clear()
            if not self._watching:
                self._hub.on("finish", self._on_finish)
                self._watching = True

    def _on_finish(self, event: ConvEvent, conversations: list[Conversation]) -> None:
        with self._lock:
            if self._watching:
                self._hub.off("finish", self._on_finish)
                self._watching = False
            self._finished.set()

    def wait(self, timeout: float) -> bool:
        """True once the sync after the last login has finished (at once when none is pending)."""
        return self._finished.wait(timeout)
