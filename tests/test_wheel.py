"""The wheel: built by ``.ci/wheel`` from a copy of the tracked files (the sdist too, which must
build a wheel of its own), installed into a fresh
virtual environment whose PATH has no compiler (binary packages only), then used there: the
version, a login, a create, a group and a list on the local engine. The engine may ask the
dynamic loader for nothing outside the C library beyond what the wheel carries."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import copy_tracked_files

#: What every Linux has: the C library and its parts, and the dynamic loader.
SYSTEM_LIBRARIES = {"libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "ld-linux-x86-64.so.2"}

USE = """
import json, sys
from pathlib import Path
import timconv_nb
from timconv_nb import Client, native
with Client(Path(sys.argv[1]) / "data") as client:
    client.login("alice")
    client.create_conversation("bob")
    client.create_group("Team", "team", "work", members=["bob"])
    frame = client.conversations()
    print(json.dumps({"version": timconv_nb.__version__, "engine": client.version, "rows": list(frame.index),
                      "engine_path": native.library_path(), "sqlite": client.native.sqlite_version()}))
"""


def run(command: list, cwd: Path, env: dict, timeout: int = 900) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def needed(library: Path) -> tuple[list[str], str]:
    """The library's NEEDED entries and its RUNPATH (or RPATH)."""
    dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout
    names = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    paths = re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[([^\]]+)\]", dynamic)
    return names, paths[0] if paths else ""


def test_the_wheel_installs_and_runs_without_a_compiler(tmp_path: Path) -> None:
    checkout = copy_tracked_files(tmp_path / "repo")
    dist = tmp_path / "dist"
    run(["bash", ".ci/wheel", dist], checkout, {**os.environ, "PYTHON": sys.executable})
    (wheel,) = dist.glob("timconv_nb-*.whl")
    assert re.search(r"-cp311-cp311-manylinux_\d+_\d+_x86_64\.whl$", wheel.name), wheel.name
    (sdist,) = dist.glob("timconv_nb-*.tar.gz")
    # The sdist builds too (with a compiler: the one of this machine).
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--wheel-dir", tmp_path / "from_sdist", sdist],
        tmp_path, dict(os.environ))
    assert list((tmp_path / "from_sdist").glob("timconv_nb-*.whl"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "TIMCONV_SDK_LIB")}
    env.update(PATH=str(venv / "bin"), VIRTUAL_ENV=str(venv))
    for compiler in ("cc", "gcc", "clang", "c++"):
        assert shutil.which(compiler, path=env["PATH"]) is None
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "-q", "--only-binary=:all:", wheel], tmp_path, env)

    facts = json.loads(run([python, "-c", USE, tmp_path], tmp_path, env))
    assert facts["rows"] == ["group_team", "c2c_bob"]
    assert str(venv) in facts["engine_path"] and facts["engine"].endswith(facts["version"])
    version = run([python, "-m", "timconv_nb", "--version"], tmp_path, env)
    assert f"timconv_nb {facts['version']}" in version and f"SQLite: {facts['sqlite']}" in version

    engine = Path(facts["engine_path"])
    carried = {path.name for path in (venv / "lib").glob("python3*/site-packages/timconv_nb.libs/*")}
    assert carried, "auditwheel grafted no library"
    for library in [engine, *(venv / "lib").glob("python3*/site-packages/timconv_nb.libs/*")]:
        names, runpath = needed(library)
        outside = [name for name in names if name not in SYSTEM_LIBRARIES and name not in carried]
        assert not outside, f"{library.name} needs {outside} from the system"
    assert "$ORIGIN" in needed(engine)[1]
