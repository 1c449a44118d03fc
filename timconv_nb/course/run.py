"""Running a compiled cell in a child process, its output streamed line by line as it comes.

The child is the leader of a process group of its own (``start_new_session``), so whatever it
forks can be stopped with it: on a timeout, on KeyboardInterrupt (Kernel -> Interrupt), and when
the program itself has ended but left processes behind. Its exit is noticed without reaping it
(``waitid`` with ``WNOWAIT``), so the group's id cannot be handed to another process before the
group is killed. A grandchild that made a session of its own (``setsid``) has left the group and
is beyond reach; the others are gone when the run returns.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

__all__ = ["Outcome", "run_program", "OUTPUT_LIMIT"]

#: Characters of output shown (and kept) per run; beyond it the program goes on, unseen, so that
#: a loop that prints forever cannot swamp the notebook.
OUTPUT_LIMIT = 1_000_000
#: How long output is still read once the program has ended or been killed (descendants that
#: escaped the group may hold the pipes open).
_DRAIN_SECONDS = 2.0
_POLL_SECONDS = 0.1

#: Where a stream's lines go: (stream name "stdout" or "stderr", text).
Sink = Callable[[str, str], None]


@dataclass(frozen=True)
class Outcome:
    """How a run ended. ``exit_status`` is the exit code when the program exited; ``signal`` the
    signal that killed it (a crash, or the kill of a timeout or an interrupt)."""

    exit_status: Optional[int]
    signal: Optional[int]
    stdout: str
    stderr: str
    timed_out: bool
    interrupted: bool
    truncated: bool
    seconds: float


class _Streams:
    """The child's two pipes cut into lines for the sink (the complete lines of each read at
    once: one message to the notebook per read, not per line), and what was kept of each."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.pending = {"stdout": b"", "stderr": b""}
        self.kept: dict[str, list[str]] = {"stdout": [], "stderr": []}
        self.size = 0
        self.truncated = False

    def feed(self, name: str, data: bytes) -> None:
        complete, newline, self.pending[name] = (self.pending[name] + data).rpartition(b"\n")
        if newline:
            self._emit(name, (complete + newline).decode("utf-8", "replace"))

    def finish(self) -> None:
        """The last line of each stream, if it did not end with a newline."""
        for name, rest in self.pending.items():
            if rest:
                self._emit(name, rest.decode("utf-8", "replace"))
            self.pending[name] = b""

    def _emit(self, name: str, text: str) -> None:
        if self.truncated:
            return
        room = OUTPUT_LIMIT - self.size
        if len(text) > room:
            self.truncated = True
            text = text[:text.rfind("\n", 0, room) + 1]  # the whole lines that fit
        if text:
            self.size += len(text)
            self.kept[name].append(text)
            self.sink(name, text)
        if self.truncated:
            self.sink("stderr", f"[more than {OUTPUT_LIMIT:,} characters of output: the rest is not shown]\n")


def _has_exited(pid: int) -> bool:
    """Whether the child has ended, leaving it unreaped (its pid keeps naming its group)."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_program(program: Path, arguments: Sequence[str], cwd: Path, env: dict[str, str], timeout: float,
                sink: Sink) -> Outcome:
    """Runs ``program`` with ``arguments`` in ``cwd`` (its ``argv[0]`` is its file's name, not
    the temporary path), each line of its stdout and stderr handed to ``sink`` as it comes, until
    it ends (and its process group is killed), ``timeout`` seconds pass, or KeyboardInterrupt
    arrives; in the last two cases the group is killed first. Its stdin is empty."""
    started = time.monotonic()
    streams = _Streams(sink)
    process = subprocess.Popen([program.name, *arguments], executable=program, cwd=cwd, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    pgid = process.pid
    timed_out = interrupted = False
    stdout, stderr = process.stdout, process.stderr
    assert stdout is not None and stderr is not None  # both piped above
    selector = selectors.DefaultSelector()
    try:
        selector.register(stdout, selectors.EVENT_READ, "stdout")
        selector.register(stderr, selectors.EVENT_READ, "stderr")
        deadline = started + timeout
        finished = False  # the program has exited, or was killed at the timeout
        while not (finished and not selector.get_map()):
            if not finished and _has_exited(process.pid):
                finished = True
                _kill_group(pgid)  # what the program left running
                deadline = time.monotonic() + _DRAIN_SECONDS
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                if finished:
                    break  # a descendant outside the group holds a pipe: stop reading
                timed_out = finished = True
                _kill_group(pgid)
                deadline = time.monotonic() + _DRAIN_SECONDS
                continue
            if not selector.get_map():  # the pipes are closed, the program goes on
                time.sleep(min(remaining, _POLL_SECONDS))
                continue
            for key, _ in selector.select(min(remaining, _POLL_SECONDS)):
                data = os.read(key.fd, 65536)
                if data:
                    streams.feed(key.data, data)
                else:
                    selector.unregister(key.fileobj)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        _kill_group(pgid)  # harmless when the group is gone; the child is not reaped yet
        selector.close()
        stdout.close()
        stderr.close()
        returncode = process.wait()
        streams.finish()
    return Outcome(
        exit_status=returncode if returncode >= 0 else None,
        signal=-returncode if returncode < 0 else None,
        stdout="".join(streams.kept["stdout"]),
        stderr="".join(streams.kept["stderr"]),
        timed_out=timed_out,
        interrupted=interrupted,
        truncated=streams.truncated,
        seconds=time.monotonic() - started,
    )
