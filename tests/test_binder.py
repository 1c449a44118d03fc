"""Replays what mybinder.org does with binder/: a fresh virtual environment, the binder
requirements, binder/postBuild in a fresh copy of the repository (repo2docker does not install
the package itself), then every notebook under nbval with that environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import tomllib

from conftest import REPO, copy_tracked_files


def run(command: list[str], cwd: Path, env: dict, timeout: int = 900) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def test_binder_replay(tmp_path: Path) -> None:
    checkout = copy_tracked_files(tmp_path / "repo")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    env.pop("PYTHONPATH", None)
    python = str(venv / "bin" / "python")
    run([python, "-m", "pip", "install", "-q", "-r", "binder/requirements.txt"], checkout, env)
    run(["bash", "binder/postBuild"], checkout, env)
    run([python, "-m", "pip", "install", "-q", "pytest", "nbval"], checkout, env)
    out = run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval",
               "--nbval-sanitize-with", "notebooks/nbval-sanitize.cfg", "notebooks"], checkout, env)
    assert " passed" in out and "failed" not in out
    # The notebooks ran against the installed package, not the copy's sources.
    where = run([python, "-c", "import timconv_nb, sys; print(timconv_nb.__file__)"], tmp_path, env)
    assert str(venv) in where


def test_binder_runs_the_python_the_wheel_is_tested_with() -> None:
    """repo2docker's default Python changes with its releases: runtime.txt pins the one CI builds
    and tests the wheel with (the Python running these tests)."""
    pinned = (REPO / "binder" / "runtime.txt").read_text().strip()
    assert pinned == f"python-{sys.version_info.major}.{sys.version_info.minor}"


def test_the_repositorys_address_is_written_once() -> None:
    """pyproject.toml's [project.urls] Repository is the one place: the README's Binder badge is
    made from it, and the book's buttons read it (docs/conf.py)."""
    repository = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
    owner_and_name = repository.removeprefix("https://github.com/")
    badge = f"https://mybinder.org/v2/gh/{owner_and_name}/HEAD?urlpath=lab/tree/notebooks/00-index.ipynb"
    readme = (REPO / "README.md").read_text()
    assert f"]({badge})" in readme
    assert readme.count("github.com/") == readme.count(f"github.com/{owner_and_name}")  # no other address
    assert '_PROJECT["urls"]["Repository"]' in (REPO / "docs" / "conf.py").read_text()
