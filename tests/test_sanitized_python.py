"""The Python-driven tests (engine, client, messages, listings) again, over an engine and a listing
decoder built with AddressSanitizer and UndefinedBehaviorSanitizer (loaded into an ordinary
Python with the sanitizer runtimes preloaded), so every path the binding, the client and the
decoder take is checked for memory errors and UB. The tests marked ``scale`` (one path repeated
thousands of times) are left out: they add minutes under the sanitizers and no path."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Callable

from test_c_programs import (
    DECODER_DEFINES,
    DECODER_INCLUDES,
    DECODER_SOURCES,
    ENGINE_INCLUDES,
    ENGINE_SOURCES,
    REPO,
    build,
)


def runtime(name: str) -> str:
    found = subprocess.run(["gcc", f"-print-file-name={name}"], capture_output=True, text=True, check=True)
    return found.stdout.strip()


def test_python_tests_pass_over_a_sanitized_engine(tmp_path: Path, engine_sqlite: Callable[..., Path]) -> None:
    engine = tmp_path / "libtimconv_asan.so"
    sanitized = ["gcc", "-std=c11", "-g", "-O1", "-fPIC", "-shared", "-fno-omit-frame-pointer",
                 "-fsanitize=address,undefined", "-fno-sanitize-recover=undefined", "-Wall", "-Wextra", "-Werror"]
    build([*sanitized, "-fvisibility=hidden", *ENGINE_INCLUDES, *map(str, ENGINE_SOURCES), str(engine_sqlite()),
           "-lcrypto", "-lz", "-lpthread", "-lm", "-o", str(engine)])
    # The decoder's file name need not be the package's: conftest loads it by path. It is built on
    # the limited API, as setup.py builds it.
    decoder = tmp_path / "_conv_columns_asan.so"
    build([*sanitized, f"-I{sysconfig.get_paths()['include']}", *DECODER_DEFINES, *DECODER_INCLUDES,
           *map(str, DECODER_SOURCES), "-o", str(decoder)])
    env = {
        **os.environ,
        "TIMCONV_TEST_ENGINE": str(engine),
        "TIMCONV_TEST_CONV_COLUMNS": str(decoder),
        "LD_PRELOAD": f"{runtime('libasan.so')} {runtime('libubsan.so')}",
        "PYTHONMALLOC": "malloc",
        # CPython itself is not built for LeakSanitizer; memory errors and UB still abort.
        "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=1",
        "UBSAN_OPTIONS": "print_stacktrace=1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not scale",
         "tests/test_engine_native.py", "tests/test_client.py", "tests/test_messages.py", "tests/test_usersig.py",
         "tests/test_conversation_api.py", "tests/test_bad_inputs.py", "tests/test_inspector.py",
         "tests/test_concurrency.py", "tests/test_vendor_behaviour.py", "tests/test_groups.py", "tests/test_listing.py",
         "tests/test_conv_columns.py", "tests/test_not_here.py", "tests/test_profiles.py", "tests/test_user_status.py",
         "tests/test_friendship.py", "tests/test_groups_info.py", "tests/test_groups_members.py",
         "tests/test_groups_pendency.py", "tests/test_groups_search.py", "tests/test_groups_attributes.py",
         "tests/test_groups_counters.py", "tests/test_groups_marks.py", "tests/test_groups_member_search.py",
         "tests/test_history.py", "tests/test_search.py", "tests/test_message_edits.py",
         "tests/test_message_imports.py"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-5000:]
    assert "AddressSanitizer" not in output and "runtime error" not in output
    assert " passed" in output and " failed" not in output
