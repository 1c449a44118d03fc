"""The ``%%tim_c`` cell magic: a cell holding a whole C11 (or C++11) program, compiled against
the engine and run in a child process, its output streamed into the cell (docs/c-cells.md).

Whatever stops a program (it did not compile, crashed, exited non-zero, ran out of time, was
interrupted) ends the cell with IPython's UsageError: one line under the program's own output,
no Python traceback, and "Run all" stops there as at any failing cell.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import Optional

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments

from .build import CPP, C, CompileError, strip_colours
from .run import run_program
from .session import RunResult, current

__all__ = ["CourseMagics", "DEFAULT_TIMEOUT"]

#: Seconds a program may run unless --timeout says otherwise.
DEFAULT_TIMEOUT = 30.0


def _write(stream: str, text: str) -> None:
    """Into the cell now: the kernel's stdout or stderr, flushed so each line arrives as it comes."""
    target = sys.stdout if stream == "stdout" else sys.stderr
    target.write(text)
    target.flush()


def _timeout(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"--timeout takes a number of seconds above 0, not {text}")
    return seconds


def _data_folder(given: Optional[str]) -> Path:
    if given is None:
        return current().data_dir()
    folder = Path(given).expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--data {given}: the folder cannot be made ({exc.strerror})") from None
    return folder


@magics_class
class CourseMagics(Magics):
    """``%%tim_c``: C programs against the local engine, in the notebook."""

    @magic_arguments()
    @argument("--data", metavar="DIR",
              help="the program's working directory, where TIMInit(app_id, \"\") keeps its data "
                   "(default: the kernel's temporary data folder, timconv_nb.course.data_dir())")
    @argument("--timeout", type=_timeout, default=DEFAULT_TIMEOUT, metavar="S",
              help=f"stop the program (and what it started) after S seconds (default {DEFAULT_TIMEOUT:g})")
    @argument("--cpp", action="store_true", help="compile the cell as C++11 with g++, with jsoncpp")
    @argument("--name", metavar="NAME", help="keep the run under NAME: timconv_nb.course.last_run(NAME)")
    @argument("--args", nargs=argparse.REMAINDER, default=[], metavar="ARG",
              help="the program's arguments (everything after --args)")
    @cell_magic
    def tim_c(self, line: str, cell: str) -> None:
        """Compiles the cell as a C11 program (gcc -std=c11 -Wall -Wextra) against the engine's
        headers and library, and runs it; its stdout and stderr stream into the cell."""
        try:
            words = shlex.split(line)  # as a shell does: quotes group words, and go
        except ValueError as exc:
            raise UsageError(f"%%tim_c {line}: {exc}") from None
        options = self.tim_c.parser.parse_args(words)
        session = current()
        language = CPP if options.cpp else C
        data = _data_folder(options.data)
        facts = dict(name=options.name, language=language.name, source=cell, data_dir=str(data),
                     timeout=options.timeout)
        build_dir = session.build_dir()
        try:
            try:
                built = session.toolchain.build(cell, language, build_dir)
            except KeyboardInterrupt:
                raise UsageError(f"interrupted while compiling the {language.name} program") from None
            except CompileError as failed:
                _write("stderr", failed.diagnostics)
                session.keep(RunResult(**facts, compiled=False, diagnostics=strip_colours(failed.diagnostics)))
                raise UsageError(str(failed)) from None
            if built.warnings:
                _write("stderr", built.warnings)
            environment = {**os.environ, "TIMCONV_DATA_DIR": str(data)}
            outcome = run_program(built.program, options.args, data, environment, options.timeout, _write)
        finally:
            shutil.rmtree(build_dir, ignore_errors=True)
        result = RunResult(**facts, compiled=True, diagnostics=strip_colours(built.warnings),
                           **dataclasses.asdict(outcome))
        session.keep(result)
        if not result.ok:
            raise UsageError(result.outcome)
