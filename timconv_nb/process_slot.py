"""The one open client of this process: the C SDK keeps its state per process (one TIMInit), so
this slot is the package's only process-wide state."""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Iterator
from typing import Any, Optional

from .errors import ClientAlreadyOpenError

__all__ = ["claim", "release_locked", "held"]

_lock = threading.Lock()  # guards _holder; held while a client opens or closes
_holder: Optional[weakref.ref[Any]] = None


def claim(client: Any, replace: bool) -> None:
    """Makes ``client`` the process's open client. Another open one raises
    ClientAlreadyOpenError, or with replace=True is closed first (its ``_close_locked``)."""
    global _holder
    with _lock:
        current = _holder() if _holder is not None else None
        if current is not None and not current.closed:
            if not replace:
                raise ClientAlreadyOpenError(
                    f"another Client is open in this process ({current!r}); the C SDK is one instance per "
                    "process: close it first (client.close()), or pass replace=True to close it and open this one"
                )
            current._close_locked()
        _holder = weakref.ref(client)


def release_locked(client: Any) -> None:
    """Frees the slot if ``client`` holds it (the slot's lock held, see :func:`held`)."""
    global _holder
    if _holder is not None and _holder() is client:
        _holder = None


def release(client: Any) -> None:
    """Frees the slot if ``client`` holds it."""
    with _lock:
        release_locked(client)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Holds the slot's lock (a client closing)."""
    with _lock:
        yield
