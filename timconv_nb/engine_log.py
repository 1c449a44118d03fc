"""The library's log lines, into Python's logging as ``timconv_nb.engine``."""

from __future__ import annotations

import logging

__all__ = ["forward"]

engine_log = logging.getLogger("timconv_nb.engine")

# TIMLogLevel -> logging level
_LOG_LEVELS = {0: logging.NOTSET, 1: logging.DEBUG, 2: logging.DEBUG, 3: logging.DEBUG, 4: logging.INFO,
               5: logging.WARNING, 6: logging.ERROR, 7: logging.CRITICAL}


def forward(level: int, text: str) -> None:
    """The handler of the library's log callback."""
    engine_log.log(_LOG_LEVELS.get(level, logging.INFO), "%s", text)
