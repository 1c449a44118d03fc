"""The fault sweeps of tests/c/test_faults.c, built from the engine's sources under AddressSanitizer
+ UndefinedBehaviorSanitizer: a scripted session run again with an I/O error at each of its
writes, and with an allocation failing. A file of their own, so that the test run's workers take
them apart from the other C programs (tests/test_c_programs.py)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from test_c_programs import ASAN_UBSAN, C_TESTS, ENGINE_INCLUDES, ENGINE_SOURCES, WARNINGS, build, run


def test_an_io_error_at_every_write_under_asan(tmp_path: Path, engine_sqlite: Callable[..., Path]) -> None:
    """tests/c/test_faults.c io: a scripted session with each of its write, sync and truncate
    operations failing in turn (a test-only SQLite VFS shim), on a new store; and on an upgrade of
    an older store each one until the first login, which upgrades it, has answered (the rest of
    that session is the new store's again)."""
    _, flags, env = ASAN_UBSAN
    binary = tmp_path / "test_faults_io"
    build(["gcc", "-std=c11", "-g", "-O1", "-fno-omit-frame-pointer", *WARNINGS, *flags, *ENGINE_INCLUDES,
           f"-I{C_TESTS}", str(C_TESTS / "test_faults.c"), *map(str, ENGINE_SOURCES), str(engine_sqlite()), "-lcrypto",
           "-lz", "-lpthread", "-lm", "-o", str(binary)])
    out = run(binary, tmp_path / "data", env, "io")
    assert "ERROR: AddressSanitizer" not in out and "runtime error" not in out
    (fresh, _, fresh_injected), (upgrade, upgrade_login, upgrade_injected) = re.findall(
        r"(\d+) write operations in the session \((\d+) until the first login answered\); (\d+) injected", out)
    assert 100 < int(fresh_injected) <= int(fresh), out  # the worker's polls make the count vary
    assert int(upgrade) > int(upgrade_login) and int(upgrade_injected) == int(upgrade_login) > 10, out
    # Each fault is answered with an error code or, for work no call answers for, logged: never silent.
    assert re.findall(r"(\d+) silent", out) == ["0", "0"], out


def test_an_allocation_failure_anywhere_under_asan(tmp_path: Path, engine_sqlite: Callable[..., Path]) -> None:
    """tests/c/test_faults.c alloc: the scripted session with one allocation failing (the engine's,
    wrapped at link time, or SQLite's, through its allocator): every 113th of the session's ~98,000
    here, about 860 runs (TIMCONV_ALLOC_STEP=1 sweeps them all); every call answers, the client goes on, the
    databases stay whole, and AddressSanitizer sees no bad access and LeakSanitizer no leak. The
    session's count comes from one run without faults; the worker's polls make each run's count
    vary by up to about a hundred, so a run may end before the last few points: the sweep must
    reach all but the last 1%."""
    step = os.environ.get("TIMCONV_ALLOC_STEP", "113")
    binary = tmp_path / "test_faults_alloc"
    build(["gcc", "-std=c11", "-g", "-O1", "-fno-omit-frame-pointer", *WARNINGS, "-fsanitize=address,undefined",
           "-fno-sanitize-recover=undefined", "-DTIMCONV_FAULT_ALLOC", *ENGINE_INCLUDES, f"-I{C_TESTS}",
           str(C_TESTS / "test_faults.c"), *map(str, ENGINE_SOURCES), str(engine_sqlite()),
           "-lcrypto", "-lz", "-lpthread", "-lm",
           "-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup", "-o", str(binary)])
    out = run(binary, tmp_path / "data", {"ASAN_OPTIONS": "detect_leaks=1:abort_on_error=1",
                                          "UBSAN_OPTIONS": "print_stacktrace=1"}, "alloc", "1", "1000000", step)
    assert "ERROR: AddressSanitizer" not in out and "LeakSanitizer" not in out and "runtime error" not in out
    (allocations, injected), = re.findall(
        r"(\d+) allocations in the session \(\d+ until the first login answered\); (\d+) injected", out)
    assert int(allocations) > 10_000 and int(injected) >= int(allocations) * 99 // 100 // int(step), out
