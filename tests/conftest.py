"""Shared fixtures. The engine is one instance per process (as the vendor SDK is), so every
fixture that initialises it also uninitialises it before the next test."""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import pytest


def use_listing_decoder_build() -> None:
    """TIMCONV_TEST_CONV_COLUMNS names an alternative build of timconv_nb._conv_columns (a
    sanitizer build): loaded here, before the package, it is the one the package imports."""
    path = os.environ.get("TIMCONV_TEST_CONV_COLUMNS")
    if path:
        spec = importlib.util.spec_from_file_location("timconv_nb._conv_columns", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules["timconv_nb._conv_columns"] = module


use_listing_decoder_build()

from timconv_nb import native  # noqa: E402  (after the decoder's build is chosen)
from timconv_nb.model import ConvEvent  # noqa: E402

APP_ID = 1400000001
#: enum TIMConvEvent: the sync after a login
CONV_EVENT_START, CONV_EVENT_FINISH = int(ConvEvent.START), int(ConvEvent.FINISH)
REPO = Path(__file__).resolve().parent.parent
ENGINE = REPO / "timconv_nb" / "engine"
#: The engine's own SQLite: one file, the amalgamation with the engine's options (setup.py builds it in).
ENGINE_SQLITE = ENGINE / "third_party" / "engine_sqlite.c"


def copy_tracked_files(destination: Path) -> Path:
    """The checkout's tracked files as they are in the working tree, copied to destination (what a
    fresh clone of this state would hold): for tests that build or install, so that the checkout
    itself is never written."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    for name in filter(None, files.split("\0")):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    return destination


@pytest.fixture(scope="session")
def engine_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """The engine's SQLite for the builds of the engine from its sources (the C programs, the
    fuzzer, the sanitized engine), position-independent: ``engine_sqlite(*flags)`` compiles it
    once per test run for each set of extra flags, shared by the run's workers (the first to need
    it compiles it under a lock; it costs 15 to 45 seconds of a core). Without flags it is not
    instrumented, as a system library would be; the sanitizer programs pass theirs, so that
    SQLite's own memory accesses are checked too (ThreadSanitizer then sees a connection used by
    two threads at once, which the engine's SQLite, built without a mutex per connection, relies on
    never happening)."""
    # Under xdist every worker's base folder is in the run's own folder, which they share.
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent
    shared = run_folder / "engine_sqlite"
    shared.mkdir(exist_ok=True)

    def compiled(*flags: str) -> Path:
        name = "-".join(flag.strip("-").replace("=", "_").replace(",", "_") for flag in flags) or "plain"
        target = shared / f"{name}.o"
        with open(shared / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if not target.exists():
                partial = target.with_suffix(".partial.o")
                subprocess.run(["gcc", "-std=c11", "-O1", "-fPIC", "-fvisibility=hidden", *flags, "-c",
                                str(ENGINE_SQLITE), "-o", str(partial)], check=True, capture_output=True, text=True)
                partial.rename(target)
        return target

    return compiled


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
    """Asks predicate every 20 ms until it gives something true, and gives that (or, when the time
    is up, its last answer): for state another thread or process makes, where no event says when."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.02)


@dataclass
class Reply:
    """One callback: its code, description, parsed JSON (None for "") and thread."""

    code: int
    desc: str
    json: Any
    thread: int


class RawEngine:
    """The local engine driven through the raw cffi binding, as a user of the C API would."""

    def __init__(self, lib: native.NativeLibrary, root: Path) -> None:
        self.native = lib
        self.lib = lib.lib
        self.root = root
        self.events: list[tuple[int, Any]] = []
        self.logs: list[tuple[int, str]] = []
        self._events_lock = threading.Lock()
        lib.set_handler("conv_event", self._on_event)
        lib.set_log_handler(lambda level, text: self.logs.append((level, text)))

    def _on_event(self, event: int, payload: str) -> None:
        with self._events_lock:
            self.events.append((event, json.loads(payload) if payload else None))

    def init(self, config: Optional[dict] = None) -> int:
        cfg = config if config is not None else {"sdk_config_config_file_path": str(self.root)}
        return self.lib.TIMInit(APP_ID, json.dumps(cfg).encode())

    def submit(self, name: str, *args: Any, on_done: Callable[[int, str, str], None]) -> int:
        """Makes an async call as C does: ``args`` (None as NULL), then a callback (written in
        Python: ``on_done(code, desc, json)`` on the engine's thread) and its user_data; returns
        the TIMResult."""
        callback = self.native.python_callback(on_done)
        result = getattr(self.lib, name)(*[native.ffi.NULL if arg is None else arg for arg in args],
                                         callback.callback, callback.user_data)
        if result != 0:
            callback.refused()
        return result

    def start(self, name: str, *args: Any) -> tuple[int, threading.Event, list[Reply]]:
        """Makes an async call; returns its TIMResult, an event set on callback, the replies."""
        done = threading.Event()
        replies: list[Reply] = []

        def on_done(code: int, desc: str, payload: str) -> None:
            replies.append(Reply(code, desc, json.loads(payload) if payload else None, threading.get_ident()))
            done.set()

        return self.submit(name, *args, on_done=on_done), done, replies

    def call(self, name: str, *args: Any, timeout: float = 10) -> Reply:
        """Makes an async call that must be accepted and waits for its callback."""
        result, done, replies = self.start(name, *args)
        assert result == 0, f"{name} refused with {result}"
        assert done.wait(timeout), f"{name} did not call back within {timeout}s"
        assert len(replies) == 1
        return replies[0]

    def login(self, user: str = "alice") -> Reply:
        """Logs in; checks and takes out of ``events`` the sync the login announced before its
        callback: kTIMConvEvent_Start, then kTIMConvEvent_Finish, each with "" (vendor
        TIMConversationManager.h 46-49, and 91-95: "json_conv_array 为空字符串")."""
        reply = self.call("TIMLogin", user.encode(), b"sig")
        assert reply.code == 0, reply
        with self._events_lock:
            assert self.events[-2:] == [(CONV_EVENT_START, None), (CONV_EVENT_FINISH, None)], self.events
            del self.events[-2:]
        return reply

    def conv_list(self) -> list[dict]:
        reply = self.call("TIMConvGetConvList")
        assert reply.code == 0, reply
        return reply.json


def engine_library_path() -> Optional[str]:
    """TIMCONV_TEST_ENGINE names an alternative build of the engine (e.g. a sanitizer build)."""
    return os.environ.get("TIMCONV_TEST_ENGINE") or None


@pytest.fixture
def raw(tmp_path: Path):
    """An initialised local engine (nobody logged in) over a fresh data folder."""
    lib = native.open_library(engine_library_path())
    engine = RawEngine(lib, tmp_path)
    assert engine.init() == 0
    yield engine
    lib.lib.TIMUninit()
    lib.set_handler("conv_event", None)
    lib.set_log_handler(None)
    assert lib.pending_callbacks == 0


@pytest.fixture
def alice(raw: RawEngine) -> RawEngine:
    """The engine with alice logged in."""
    raw.login("alice")
    return raw


@pytest.fixture
def client(tmp_path: Path):
    """A Client over the local engine with alice logged in, in a fresh data folder."""
    from timconv_nb import Client

    with Client(tmp_path / "data", library=engine_library_path()) as opened:
        opened.login("alice")
        yield opened
        assert opened.native.pending_callbacks == 0


#: Untracked paths a test run makes by itself (Python's and the test tools' caches).
_CACHES = ("__pycache__", ".pytest_cache", ".ipynb_checkpoints")


def _untracked_files() -> set[str]:
    """Files and folders in the checkout that git does not track, ignored ones included (a store
    is ignored by .gitignore, and must not be written here either); untracked folders as one
    entry."""
    listed = subprocess.run(["git", "ls-files", "--others", "--directory"], cwd=REPO, capture_output=True, text=True)
    if listed.returncode != 0:
        return set()
    return {path for path in listed.stdout.splitlines() if not any(cache in path for cache in _CACHES)}


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_UNTRACKED] = _untracked_files()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tests write only under temporary folders: a file the run left in the checkout fails it."""
    left = sorted(_untracked_files() - session.config.stash.get(_UNTRACKED, set()))
    if left:
        session.config.get_terminal_writer().line(f"the tests wrote into the checkout: {left}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_UNTRACKED = pytest.StashKey[set]()


#: The slow families, left out of the quick loop (``pytest -m "not slow"``) and run by
#: ``bash .ci/test``: the wheel and the Binder replay (builds and installs), the engine under
#: sanitizers and its fault sweeps, fuzzing, SIGKILL rounds, real browsers, the book's build, and the
#: course notebooks run again with wrong answers. Node id prefixes, the costliest file first (as
#: measured on two cores, 2026-12-08): see pytest_collection_modifyitems.
SLOW = (
    "tests/test_c_faults.py",
    "tests/test_sanitized_python.py",
    "tests/test_c_programs.py::test_engine_test_program_under_sanitizers",
    "tests/test_c_programs.py::test_completions_program_under_sanitizers",
    "tests/test_binder.py::test_binder_replay",
    "tests/test_wheel.py",
    "tests/test_fuzz.py",
    "tests/test_course.py::test_wrong_answers_fail_with_their_hints",
    "tests/test_browser.py",
    "tests/test_benchmarks.py::test_benchmark_runs[browser.py",
    "tests/test_durability.py",
    "tests/test_book.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Marks the slow families, and puts the files that hold them first, costliest first: the two
    workers (``--dist loadfile``) take files in this order, so the longest start at once rather
    than last, when the other worker would have nothing left to do."""
    rank: dict[str, int] = {}
    for item in items:
        slow = [index for index, prefix in enumerate(SLOW) if item.nodeid.startswith(prefix)]
        if slow:
            item.add_marker(pytest.mark.slow)
        file = item.nodeid.split("::")[0]
        rank[file] = min(rank.get(file, len(SLOW)), *slow) if slow else rank.get(file, len(SLOW))
    items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])
