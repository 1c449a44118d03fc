"""The course's state in one kernel: its temporary folder, the default data folder in it, and the
runs kept for exercise checks.

A kernel is one learner's session, as a process is one instance of the SDK: the state lives as
long as the kernel, in the one :class:`Session` of the process. Its folder is made on first use
and removed when the kernel exits.
"""

from __future__ import annotations

import atexit
import shutil
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .build import Toolchain

__all__ = ["RunResult", "Session", "current", "last_run", "data_dir"]


@dataclass(frozen=True)
class RunResult:
    """One ``%%tim_c`` run: what was compiled, how it ended and what it printed.

    ``exit_status`` is the program's exit code when it exited (None when it did not compile or
    was killed); ``signal`` the number of the signal that killed it. ``diagnostics`` holds the
    compiler's messages (errors, or the warnings of a program that compiled), without colours.
    ``timeout`` is the limit it ran under, ``seconds`` how long it ran.
    """

    name: Optional[str]
    language: str
    source: str
    data_dir: str
    timeout: float
    compiled: bool
    diagnostics: str
    # how the run ended (run.Outcome's fields); as they are for a program that did not compile
    exit_status: Optional[int] = None
    signal: Optional[int] = None
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False
    interrupted: bool = False
    truncated: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """It compiled, ran to its end and exited with status 0."""
        return self.exit_status == 0

    @property
    def outcome(self) -> str:
        """How the run ended, in one sentence."""
        if not self.compiled:
            return f"the {self.language} program did not compile"
        if self.interrupted:
            return f"interrupted: the program was stopped after {self.seconds:.1f} s (its process group was killed)"
        if self.timed_out:
            return (f"the program was still running after {self.timeout:g} s and was stopped (its process group "
                    "was killed); --timeout S gives it longer")
        if self.signal is not None:
            described = signal.strsignal(self.signal) or "unknown signal"
            try:
                name = signal.Signals(self.signal).name
            except ValueError:
                name = "a signal"
            return f"the program was killed by {name} (signal {self.signal}: {described})"
        return f"the program exited with status {self.exit_status}"


class Session:
    """The kernel's course folder (``build/`` for compiling, ``data/`` the default data folder),
    its toolchain, and the runs: the latest, and those kept by name."""

    def __init__(self) -> None:
        self._root: Optional[Path] = None
        self._toolchain: Optional[Toolchain] = None
        self.latest: Optional[RunResult] = None
        self.named: dict[str, RunResult] = {}

    @property
    def root(self) -> Path:
        if self._root is None:
            self._root = Path(tempfile.mkdtemp(prefix="timconv-course-"))
            atexit.register(shutil.rmtree, self._root, ignore_errors=True)
        return self._root

    def data_dir(self) -> Path:
        """The default data folder: the programs' working directory unless ``--data`` names one."""
        folder = self.root / "data"
        folder.mkdir(exist_ok=True)
        return folder

    def build_dir(self) -> Path:
        """A new empty folder to compile one cell in (the caller removes it)."""
        builds = self.root / "build"
        builds.mkdir(exist_ok=True)
        return Path(tempfile.mkdtemp(dir=builds, prefix="cell-"))

    @property
    def toolchain(self) -> Toolchain:
        if self._toolchain is None:
            support = self.root / "support"
            support.mkdir(exist_ok=True)
            self._toolchain = Toolchain(support)
        return self._toolchain

    def keep(self, result: RunResult) -> None:
        self.latest = result
        if result.name is not None:
            self.named[result.name] = result


_SESSION = Session()


def current() -> Session:
    """This kernel's session."""
    return _SESSION


def last_run(name: Optional[str] = None) -> RunResult:
    """The run kept under ``name`` (``%%tim_c --name NAME``), or the latest run of any cell."""
    if name is None:
        if _SESSION.latest is None:
            raise LookupError("no %%tim_c cell has run in this kernel yet")
        return _SESSION.latest
    try:
        return _SESSION.named[name]
    except KeyError:
        kept = ", ".join(sorted(_SESSION.named)) or "none yet"
        raise LookupError(f"no %%tim_c run was kept under {name!r} (kept: {kept}): run its cell first") from None


def data_dir() -> Path:
    """The kernel's default data folder, where ``%%tim_c`` programs run when no ``--data`` is
    given: ``timconv_nb.Client(data_dir=course.data_dir())`` sees their conversations."""
    return _SESSION.data_dir()
