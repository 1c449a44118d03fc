"""The linters, as CI runs them: ruff over the repository and mypy over the package, each with its
settings in pyproject.toml (``[tool.ruff]``; ``[tool.mypy]``: strict on the public modules, the
default mode on the rest), mypy also over ``tests/api_types.py``, the public API's types as
docs/api.md gives them. Neither writes into the checkout: ruff keeps no cache, mypy keeps its
cache in the test's temporary folder."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import timconv_nb
from conftest import REPO


def run(*command: str) -> str:
    result = subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} found:\n{result.stdout[-6000:]}{result.stderr[-3000:]}"
    return result.stdout


def test_ruff_finds_nothing() -> None:
    run("ruff", "check", "--no-cache", "--output-format", "concise", ".")


def test_mypy_finds_nothing(tmp_path: Path) -> None:
    out = run("mypy", "--cache-dir", str(tmp_path / "mypy"))
    assert out.startswith("Success: no issues found"), out


def test_the_package_says_it_is_typed() -> None:
    """PEP 561: py.typed, and the types of the two compiled modules beside them (the wheel carries
    all three: tests/test_wheel.py)."""
    package = REPO / "timconv_nb"
    assert (package / "py.typed").is_file()
    assert {p.name for p in package.glob("*.pyi")} == {"_callbacks.pyi", "_conv_columns.pyi"}


def test_the_package_face_shows_type_checkers_every_name() -> None:
    """``from timconv_nb import Client`` is typed: each name the package loads on first use is
    imported for type checkers too, from the module it is loaded from."""
    tree = ast.parse((REPO / "timconv_nb" / "__init__.py").read_text())
    (block,) = [node for node in tree.body
                if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"]
    shown = {alias.name: node.module for node in block.body if isinstance(node, ast.ImportFrom)
             for alias in node.names if alias.asname == alias.name}
    assert shown == timconv_nb._EXPORTS
