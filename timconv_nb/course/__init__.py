"""C in the notebook: Tencent's C API as learners write it, compiled and run from a cell.

``%load_ext timconv_nb.course`` adds the ``%%tim_c`` cell magic: the cell is a whole C11 program
(``--cpp``: C++11) against the local engine's headers and library, run in a child process with
its output streamed into the cell (docs/c-cells.md). Beside it:

- :func:`last_run` reads a run back (``--name NAME``) for exercise checks;
- :func:`data_dir` is the folder the programs run in, for ``Client(data_dir=course.data_dir())``;
- :func:`course_include` is the folder of ``timconv_course.h`` and ``timconv_json.h``;
- :func:`call_table` lines up the Python client's methods, the C functions and the vendor's
  Electron wrapper's methods;
- :func:`check` checks an exercise's answer (:mod:`timconv_nb.course.exercises`).
"""

from __future__ import annotations

import importlib
from typing import Any

from .build import course_include
from .exercises import check
from .session import RunResult, data_dir, last_run

__all__ = ["RunResult", "call_table", "check", "course_include", "data_dir", "electron_methods", "last_run",
           "load_ipython_extension"]


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext timconv_nb.course``: registers ``%%tim_c``."""
    from .magic import CourseMagics  # IPython is needed only here

    ipython.register_magics(CourseMagics)


def __getattr__(name: str) -> Any:
    """The Electron table's names load their module (and pandas) on first use."""
    if name in ("call_table", "electron_methods"):
        return getattr(importlib.import_module(".electron", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
