"""Keeps the benchmark scripts alive: each runs at a small size and prints its table and
summary. (Performance itself is judged by the scripts' ratios, never by timed assertions.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.parametrize(
    "script,args",
    [
        ("roundtrip.py", ["--count", "200"]),
        ("listing.py", ["--sizes", "200", "--repeats", "1"]),
        ("events.py", ["--sizes", "200", "--events", "20"]),
        ("recording.py", ["--rounds", "1", "--count", "50"]),
        ("groups.py", ["--count", "50", "--members", "1", "3"]),
        ("growth.py", ["--sizes", "100", "400", "--repeats", "1", "--calls", "20", "--plot", "PLOT"]),
        ("browser.py", ["--size", "300", "--updates", "10", "--jumps", "3"]),
        # Our table alone: the peers' environment (installed from PyPI) and their four kernels
        # take minutes, so the comparison itself is run by hand (docs/performance.md).
    ],
)
def test_benchmark_runs(script: str, args: list[str], tmp_path) -> None:
    if script == "browser.py" and not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/setup installs it)")
    args = [str(tmp_path / "growth.png") if a == "PLOT" else a for a in args]
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / script), *args], capture_output=True,
                            text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, result.stderr[-3000:]
    output = result.stdout + result.stderr
    assert "| ---" in output and "summary:" in output, output[-2000:]
    if script == "growth.py":
        assert (tmp_path / "growth.png").stat().st_size > 1000
