"""The libFuzzer harnesses, built with clang under ASan + UBSan: the engine's (tests/fuzz/
fuzz_engine.c) replays the committed corpus and every crash reproducer, then fuzzes for a
bounded time (longer runs: tests/fuzz/soak.sh); the listing decoder's array reader's
(tests/fuzz/fuzz_array_reader.c) replays its corpus and fuzzes for a bounded time."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest

from conftest import REPO
from test_c_programs import DECODER_INCLUDES, ENGINE, ENGINE_INCLUDES, ENGINE_SOURCES

FUZZ = REPO / "tests" / "fuzz"
#: Seconds of fuzzing in the test suite (the soak script runs for as long as it is told).
CI_SECONDS = int(os.environ.get("TIMCONV_FUZZ_SECONDS", "30"))
#: The array reader's fuzzing: a small program, so a shorter run covers it.
ARRAY_READER_SECONDS = int(os.environ.get("TIMCONV_FUZZ_ARRAY_SECONDS", "10"))
FUZZ_FLAGS = ["-g", "-O1", "-fsanitize=fuzzer,address,undefined", "-fno-sanitize-recover=undefined"]
#: The array reader's harness links yyjson, which clang takes 80 s of a core to compile under the
#: sanitizers at -O1 and 6 s at -O0: unoptimised, its short run still makes tens of thousands of inputs.
ARRAY_READER_FLAGS = ["-O0" if flag == "-O1" else flag for flag in FUZZ_FLAGS]

pytestmark = pytest.mark.skipif(shutil.which("clang") is None,
                                reason="clang is not installed (.ci/setup installs clang and libclang-rt-14-dev)")


@pytest.fixture(scope="module")
def harness(tmp_path_factory, engine_sqlite: Callable[..., Path]) -> Path:
    binary = tmp_path_factory.mktemp("fuzz") / "fuzz_engine"
    subprocess.run(["clang", *FUZZ_FLAGS, *ENGINE_INCLUDES, str(FUZZ / "fuzz_engine.c"),
                    *map(str, ENGINE_SOURCES), str(engine_sqlite()),
                    "-lcrypto", "-lz", "-lpthread", "-lm", "-o", str(binary)],
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


@pytest.fixture(scope="module")
def array_reader_harness(tmp_path_factory) -> Path:
    binary = tmp_path_factory.mktemp("fuzz") / "fuzz_array_reader"
    subprocess.run(["clang", *ARRAY_READER_FLAGS, *DECODER_INCLUDES, str(FUZZ / "fuzz_array_reader.c"),
                    str(ENGINE / "columns" / "array_reader.c"), str(ENGINE / "third_party" / "decoder_yyjson.c"),
                    "-o", str(binary)], check=True, capture_output=True, text=True)
    return binary


def test_the_array_reader_reads_what_a_whole_parse_reads(array_reader_harness: Path, tmp_path: Path) -> None:
    """Its committed corpus replayed (arrays of every kind, and texts that are not one array),
    then bounded fuzzing: every element equal to the whole parse's, and the text read to its end
    exactly when it is one array."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "array_corpus", corpus)
    inputs = sorted(corpus.iterdir())
    replayed = run(array_reader_harness, tmp_path, *map(str, inputs), timeout=120)
    assert replayed.returncode == 0 and f"Executed {inputs[-1]}" in replayed.stderr, replayed.stderr[-4000:]
    result = run(array_reader_harness, tmp_path, f"-max_total_time={ARRAY_READER_SECONDS}", "-timeout=10",
                 f"-artifact_prefix={tmp_path}/", str(corpus), timeout=ARRAY_READER_SECONDS + 120)
    assert result.returncode == 0, result.stderr[-4000:]
    done = [line for line in result.stderr.splitlines() if line.startswith("Done ")]
    assert done and int(done[0].split()[1]) > 1000, result.stderr[-2000:]
