"""The libFuzzer harness (tests/fuzz/fuzz_engine.c): built with clang under ASan + UBSan, it
replays the committed corpus and every crash reproducer, then fuzzes for a bounded time. Longer
runs: tests/fuzz/soak.sh."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest

from conftest import REPO
from test_c_programs import ENGINE_INCLUDES, ENGINE_SOURCES

FUZZ = REPO / "tests" / "fuzz"
#: Seconds of fuzzing in the test suite (the soak script runs for as long as it is told).
CI_SECONDS = int(os.environ.get("TIMCONV_FUZZ_SECONDS", "60"))

pytestmark = pytest.mark.skipif(shutil.which("clang") is None,
                                reason="clang is not installed (.ci/setup installs clang and libclang-rt-14-dev)")


@pytest.fixture(scope="module")
def harness(tmp_path_factory, engine_sqlite: Callable[..., Path]) -> Path:
    binary = tmp_path_factory.mktemp("fuzz") / "fuzz_engine"
    subprocess.run(["clang", "-g", "-O1", "-fsanitize=fuzzer,address,undefined", "-fno-sanitize-recover=undefined",
                    *ENGINE_INCLUDES, str(FUZZ / "fuzz_engine.c"),
                    *map(str, ENGINE_SOURCES), str(engine_sqlite()), "-lcrypto", "-lz", "-lpthread", "-o", str(binary)],
                   check=True, capture_output=True, text=True)
    return binary


def run(harness: Path, data: Path, *args: str, timeout: int) -> subprocess.CompletedProcess:
    return subprocess.run([str(harness), *args], env={**os.environ, "TIMCONV_FUZZ_DIR": str(data)},
                          cwd=data, capture_output=True, text=True, timeout=timeout)


def test_corpus_and_crash_reproducers_run_clean(harness: Path, tmp_path: Path) -> None:
    inputs = sorted((FUZZ / "corpus").iterdir()) + sorted((FUZZ / "crashes").glob("*-*"))
    assert len(inputs) >= 20
    result = run(harness, tmp_path, *map(str, inputs), timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"Executed {inputs[-1]}" in result.stderr


def test_bounded_fuzzing_finds_nothing(harness: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "corpus", corpus)
    result = run(harness, tmp_path, f"-max_total_time={CI_SECONDS}", "-timeout=15", "-rss_limit_mb=3000",
                 f"-dict={FUZZ / 'engine.dict'}", f"-artifact_prefix={tmp_path}/", str(corpus),
                 timeout=CI_SECONDS + 240)
    assert result.returncode == 0, result.stderr[-4000:]
    done = [line for line in result.stderr.splitlines() if line.startswith("Done ")]
    assert done and int(done[0].split()[1]) > 1000, result.stderr[-2000:]
