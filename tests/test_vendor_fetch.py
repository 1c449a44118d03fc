"""The vendor fetch helper's failures say clearly what is wrong (real npm, real failures)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timconv_nb import vendor


def test_npm_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMCONV_VENDOR_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no npm on it
    with pytest.raises(vendor.VendorError, match="npm is missing"):
        vendor.fetch()
    assert vendor.cached_library() is None


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_registry_unreachable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMCONV_VENDOR_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("npm_config_registry", "http://127.0.0.1:9/")  # nothing listens there
    monkeypatch.setenv("npm_config_fetch_retries", "0")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "npm-cache"))
    monkeypatch.setenv("npm_config_offline", "false")
    with pytest.raises(vendor.VendorError, match="npm could not fetch"):
        vendor.fetch(timeout=120)
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*.so"))


def test_cli_prints_the_path_or_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("TIMCONV_VENDOR_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert vendor.main(["fetch"]) == 1
    assert "error: npm is missing" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_fetch_keeps_the_electron_declarations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Electron wrapper's dist/renderer.d.ts lands beside the library, and a cache fetched
    before it was kept (the library alone) is completed by the next fetch."""
    monkeypatch.setenv("TIMCONV_VENDOR_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "npm-cache"))  # npm writes nothing outside tmp_path
    try:
        library = vendor.fetch(timeout=300)
    except vendor.VendorError as exc:
        pytest.skip(f"the package could not be fetched here: {exc}")
    declarations = vendor.cached_renderer_types()
    assert declarations == tmp_path / "cache" / vendor.DEFAULT_VERSION / "dist" / "renderer.d.ts"
    assert "declare class TimRender {" in declarations.read_text(encoding="utf-8")
    declarations.unlink()
    assert vendor.cached_renderer_types() is None
    assert vendor.fetch(timeout=300) == library and vendor.cached_renderer_types() == declarations
