"""The wheel: built by ``.ci/wheel`` from the sdist it makes of a copy of the tracked files, tagged for
CPython's stable ABI from requires-python's floor on (``cp39-abi3``) and holding no symbol outside
it (abi3audit), installed into a fresh virtual environment whose PATH has no compiler (binary
packages only), then used there: the version, a login, a create, a group and a list on the local
engine, and a vendor listing through the decoder. The engine may ask the dynamic loader for nothing
outside the C library beyond what the wheel carries."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import copy_tracked_files

#: What every Linux has: the C library and its parts, and the dynamic loader.
SYSTEM_LIBRARIES = {"libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "ld-linux-x86-64.so.2"}

USE = """
import json, sys
from pathlib import Path
import timconv_nb
from timconv_nb import Client, native, _callbacks, _conv_columns
with Client(Path(sys.argv[1]) / "data") as client:
    client.login("alice")
    client.create_conversation("bob")
    client.create_group("Team", "team", "work", members=["bob"])
    frame = client.conversations()
    vendor = client.conversations(keep_json=True)  # from TIMConvGetConvList's JSON, through the decoder
    print(json.dumps({"version": timconv_nb.__version__, "engine": client.version, "rows": list(frame.index),
                      "vendor_rows": list(vendor.index), "engine_path": native.library_path(),
                      "sqlite": client.native.sqlite_version(),
                      "modules": [Path(_callbacks.__file__).name, Path(_conv_columns.__file__).name]}))
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
    built = run(["bash", ".ci/wheel", dist], checkout, {**os.environ, "PYTHON": sys.executable})
    (wheel,) = dist.glob("timconv_nb-*.whl")
    # One wheel for CPython 3.9 and every later one: the stable ABI of requires-python's floor.
    assert re.search(r"-cp39-abi3-manylinux_\d+_\d+_x86_64\.whl$", wheel.name), wheel.name
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode()
        modules = sorted(n for n in archive.namelist() if n.startswith("timconv_nb/_") and n.endswith(".so"))
        typed = {"timconv_nb/py.typed", "timconv_nb/_callbacks.pyi", "timconv_nb/_conv_columns.pyi"}
        assert typed <= set(archive.namelist()), "the wheel does not say it is typed (PEP 561)"
    assert "\nRequires-Python: >=3.9\n" in metadata
    assert modules == ["timconv_nb/_callbacks.abi3.so", "timconv_nb/_conv_columns.abi3.so"]
    report = json.loads(run([sys.executable, "-m", "abi3audit", "--strict", "--report", wheel], tmp_path,
                            dict(os.environ)))
    audited = {Path(audit["name"]).name: audit["result"] for audit in report["specs"][str(wheel)]["wheel"]}
    assert {Path(m).name for m in modules} <= set(audited), audited
    for name, result in audited.items():  # the modules, and the engine (which uses no Python at all)
        assert result["is_abi3"] and result["is_abi3_baseline_compatible"], (name, result)
        assert result["baseline"] == "3.9" and not result["non_abi3_symbols"], (name, result)
        assert not result["future_abi3_objects"], (name, result)
    # .ci/wheel builds the wheel from the sdist (with this machine's compiler): the sdist builds.
    (sdist,) = dist.glob("timconv_nb-*.tar.gz")
    assert f"wheel built from {sdist.name}" in built

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "TIMCONV_SDK_LIB")}
    env.update(PATH=str(venv / "bin"), VIRTUAL_ENV=str(venv))
    for compiler in ("cc", "gcc", "clang", "c++"):
        assert shutil.which(compiler, path=env["PATH"]) is None
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "-q", "--only-binary=:all:", wheel], tmp_path, env)

    facts = json.loads(run([python, "-c", USE, tmp_path], tmp_path, env))
    assert facts["rows"] == facts["vendor_rows"] == ["group_team", "c2c_bob"]
    assert facts["modules"] == ["_callbacks.abi3.so", "_conv_columns.abi3.so"]
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
