"""Hands call results from the engine's thread to the asyncio loops that await them."""

from __future__ import annotations

import asyncio
import logging
import threading
import weakref
from typing import Any, Optional

__all__ = ["LoopBridge", "LoopBridges"]

log = logging.getLogger(__name__)


class LoopBridge:
    """Hands results to one asyncio loop, waking the loop once per batch of results
    (``call_soon_threadsafe`` writes to the loop's wake-up pipe each time: 10,000 creates awaited
    at once went from 4,650 to 12,100/s)."""

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


class LoopBridges:
    """One bridge per event loop, forgotten with the loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # guards _bridges
        self._bridges: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LoopBridge]" = weakref.WeakKeyDictionary()

    def get(self, loop: asyncio.AbstractEventLoop) -> LoopBridge:
        with self._lock:
            bridge = self._bridges.get(loop)
            if bridge is None:
                bridge = self._bridges[loop] = LoopBridge(loop)
            return bridge
