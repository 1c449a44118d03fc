"""Tencent's own SDK library for Linux (``libImSDK.so``), fetched for use and for the ABI test.

Tencent ships it in the npm package ``im_electron_sdk`` (``lib/linux/lib/`` and
``lib/linux/include/``). ``python -m timconv_nb.vendor fetch`` packs that package with npm into
a cache folder, keeps the library for this machine's architecture, the headers and the Electron
wrapper's declarations (``dist/renderer.d.ts``: its ``TimRender`` methods are named as the C
functions) and its main process (``dist/main.js``: the C functions it binds, each by name),
checks the library, and prints its path (to pass as ``Client(library=...)`` or
``TIMCONV_SDK_LIB``).

Loading the library and reading ``TIMGetSDKVersion()`` is harmless; ``TIMInit`` starts
contacting Tencent's servers, so nothing here calls it.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Optional

__all__ = ["DEFAULT_VERSION", "VendorError", "cache_dir", "cached_library", "cached_renderer_types",
           "cached_wrapper_main", "fetch"]

log = logging.getLogger(__name__)

DEFAULT_VERSION = "8.0.5906"
PACKAGE = "im_electron_sdk"
#: The Electron wrapper's declarations, in the package and in the cache.
_RENDERER_TYPES = "dist/renderer.d.ts"
#: The Electron wrapper's main process: it binds the library's functions by name (``funcName``).
_WRAPPER_MAIN = "dist/main.js"
# machine -> (file in lib/linux/lib, ELF e_machine)
_LIBRARIES = {"x86_64": ("libImSDK.so", 62), "aarch64": ("libImSDK_arm64.so", 183)}


class VendorError(RuntimeError):
    """The vendor library could not be obtained; the message says why and what to do."""


def cache_dir(version: str = DEFAULT_VERSION) -> Path:
    """``$TIMCONV_VENDOR_DIR/<version>``, else ``~/.cache/timconv_nb/vendor/<version>``."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    base = os.environ.get("TIMCONV_VENDOR_DIR") or cache / "timconv_nb" / "vendor"
    return Path(base) / version


def _library_name() -> tuple[str, int]:
    machine = platform.machine()
    if machine not in _LIBRARIES:
        raise VendorError(f"Tencent ships no Linux library for {machine}: only for {', '.join(_LIBRARIES)}")
    return _LIBRARIES[machine]


def _check_elf(path: Path, machine: int) -> None:
    header = path.read_bytes()[:20]
    if header[:4] != b"\x7fELF" or int.from_bytes(header[18:20], "little") != machine:
        raise VendorError(f"{path} is not a shared library for this machine")


def cached_library(version: str = DEFAULT_VERSION) -> Optional[Path]:
    """The fetched library, or None when it has not been fetched."""
    path = cache_dir(version) / "lib" / _library_name()[0]
    return path if path.is_file() else None


def cached_renderer_types(version: str = DEFAULT_VERSION) -> Optional[Path]:
    """The fetched ``dist/renderer.d.ts``, or None when it has not been fetched."""
    path = cache_dir(version) / _RENDERER_TYPES
    return path if path.is_file() else None


def cached_wrapper_main(version: str = DEFAULT_VERSION) -> Optional[Path]:
    """The fetched ``dist/main.js``, or None when it has not been fetched."""
    path = cache_dir(version) / _WRAPPER_MAIN
    return path if path.is_file() else None


def fetch(version: str = DEFAULT_VERSION, timeout: float = 600) -> Path:
    """Packs ``im_electron_sdk@version`` with npm into the cache (once) and returns the path of
    the library for this machine; the headers land beside it in ``include/``, the Electron
    wrapper's declarations in ``dist/renderer.d.ts``."""
    name, machine = _library_name()
    target = cache_dir(version)
    library = target / "lib" / name
    if library.is_file() and (target / _RENDERER_TYPES).is_file() and (target / _WRAPPER_MAIN).is_file():
        _check_elf(library, machine)
        return library
    npm = shutil.which("npm")
    if npm is None:
        raise VendorError("npm is missing: install Node.js and npm (Debian: apt-get install npm), then fetch again")
    with tempfile.TemporaryDirectory(prefix="timconv-vendor-") as work:
        try:
            result = subprocess.run([npm, "pack", f"{PACKAGE}@{version}", "--pack-destination", work],
                                    capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise VendorError(f"npm pack {PACKAGE}@{version} took longer than {timeout:g}s "
                              "(is the registry reachable?)") from None
        if result.returncode != 0:
            raise VendorError(f"npm could not fetch {PACKAGE}@{version} (offline, or no such version?):\n"
                              f"{result.stderr.strip()[-1500:]}")
        (archive,) = Path(work).glob("*.tgz")
        wanted = {f"package/lib/linux/lib/{name}": library, f"package/{_RENDERER_TYPES}": target / _RENDERER_TYPES,
                  f"package/{_WRAPPER_MAIN}": target / _WRAPPER_MAIN}
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if (member.name.startswith("package/lib/linux/include/") and member.name.endswith(".h")
                        and member.isfile()):
                    wanted[member.name] = target / "include" / Path(member.name).name
            for member_name, destination in wanted.items():
                member = tar.getmember(member_name)
                if not member.isfile():
                    raise VendorError(f"{member_name} in the package is not a regular file")
                destination.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                assert source is not None  # a regular file, checked above
                with source, open(destination, "wb") as out:
                    shutil.copyfileobj(source, out)
    _check_elf(library, machine)
    log.info("fetched %s %s into %s", PACKAGE, version, target)
    return library


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timconv_nb.vendor", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    get = commands.add_parser("fetch", help="fetch the library (once) and print its path")
    get.add_argument("--version", default=DEFAULT_VERSION)
    args = parser.parse_args(argv)
    try:
        path = fetch(args.version)
    except VendorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
