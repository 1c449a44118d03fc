"""The local engine's scripted faults, for teaching failure on demand."""

from __future__ import annotations

from typing import Optional

from .arguments import check_text
from .checks import check_int, is_int, is_number
from .native import NativeLibrary

__all__ = ["Faults"]


class Faults:
    """The local engine's scripted faults (``timconv_fault_*``, not part of the vendor API), made
    for teaching: each lasts until used up or :meth:`clear`. Get it as ``client.faults``."""

    def __init__(self, native: NativeLibrary) -> None:
        self._native = native

    def fail_next(self, function: str, code: int, count: int = 1) -> None:
        """The next ``count`` calls of C function ``function`` (e.g. ``"TIMConvCreate"``) fail
        with ``code``: a TIMResult below 0 (e.g. -4) is returned at once, a callback code above 0
        (e.g. 6022) answers the call in its turn without running it."""
        name = check_text(function, "function")
        if not is_int(code) or code == 0 or not -2**31 <= code < 2**31:
            raise ValueError(f"code must be a non-zero 32-bit int, not {code!r}")
        check_int(count, "count", 1, 2**32 - 1, "a positive int")
        self._native.fault_fail_next(name, count, code)

    def delay(self, seconds: float, function: Optional[str] = None) -> None:
        """Holds back the events and callback of every call of ``function`` (None: of every
        call) by ``seconds`` (at most 60; 0 removes the delay)."""
        if not is_number(seconds) or not 0 <= seconds <= 60:
            raise ValueError(f"seconds must be from 0 to 60, not {seconds!r}")
        name = check_text(function, "function") if function is not None else None
        self._native.fault_delay(name, round(seconds * 1000))

    def drop_login(self) -> None:
        """Drops the login as a lost session would: once the calls made before it have run,
        nobody is logged in and calls raise NotLoggedInError."""
        self._native.fault_drop_login()

    def clear(self) -> None:
        """Removes every scripted fault."""
        self._native.fault_clear()
