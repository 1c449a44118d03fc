"""Answers awaited calls on the asyncio loops that await them.

A call awaited on a loop is answered into that loop's :class:`~timconv_nb.completions.AnswerQueue`:
the engine's thread queues the reply in C and the loop, watching the queue's descriptor, takes the
answers in batches on its own thread (no Python on the engine's thread, one wake-up per batch).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Optional

from .completions import AnswerQueue

__all__ = ["LoopBridge", "LoopBridges"]


class LoopBridge:
    """One asyncio loop's answer queue, watched by the loop from its first use."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._answers: Optional[AnswerQueue] = None  # the loop's thread only

    def answers(self) -> AnswerQueue:
        """The loop's answer queue (on the loop's thread)."""
        if self._answers is None:
            answers = AnswerQueue()
            self.loop.add_reader(answers.fd, answers.take)
            self._answers = answers
        return self._answers

    def close(self) -> None:
        """On the loop's thread, or once the loop is closed: takes the answers already queued,
        then stops watching the queue and closes it."""
        answers, self._answers = self._answers, None
        if answers is None:
            return
        if not self.loop.is_closed():
            while answers.take():
                pass
            self.loop.remove_reader(answers.fd)
        answers.close()


class LoopBridges:
    """One bridge per event loop; a closed loop's bridge is closed when the next one is asked for,
    and every bridge by :meth:`close`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # guards _bridges
        self._bridges: dict[asyncio.AbstractEventLoop, LoopBridge] = {}

    def get(self, loop: asyncio.AbstractEventLoop) -> LoopBridge:
        with self._lock:
            bridge = self._bridges.get(loop)
            if bridge is None:
                for closed in [other for other in self._bridges if other.is_closed()]:
                    self._bridges.pop(closed).close()
                bridge = self._bridges[loop] = LoopBridge(loop)
            return bridge

    def close(self) -> None:
        """Closes every bridge: at once for a closed loop or the current thread's running loop,
        else on its loop's thread, soon."""
        with self._lock:
            bridges, self._bridges = list(self._bridges.values()), {}
        for bridge in bridges:
            if bridge.loop.is_closed() or _running_loop() is bridge.loop:
                bridge.close()
            else:
                try:
                    bridge.loop.call_soon_threadsafe(bridge.close)
                except RuntimeError:  # closed meanwhile
                    bridge.close()


def _running_loop() -> Optional[asyncio.AbstractEventLoop]:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
