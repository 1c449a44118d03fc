"""Checks of plain numbers that every layer shares: an int is never a bool here (``True`` is not
1), whatever the check.

A leaf module (it imports nothing of the package), so that the tables (:mod:`timconv_nb.wire`,
:mod:`timconv_nb.membership`) can use it as well as :mod:`timconv_nb.arguments`, which builds on it.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["is_int", "is_number", "check_int"]


def is_int(value: Any) -> bool:
    """An int (an IntEnum member too), and not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    """An int or a float, and not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_int(value: Any, what: str, low: int, high: Optional[int] = None, expected: Optional[str] = None) -> int:
    """An int from low to high (None: no upper bound), or ValueError saying what was expected:
    ``expected`` ("a positive int") or else the range."""
    if not is_int(value) or value < low or (high is not None and value > high):
        if expected is None:
            expected = f"an int from {low:,} to {high:,}" if high is not None else f"an int of at least {low:,}"
        raise ValueError(f"{what} must be {expected}, not {value!r}")
    return int(value)
