"""Builds the two native parts of timconv_nb:

* ``timconv_nb/engine/libtimconv.so``: the local engine, a plain C11 shared library (pthreads,
  OpenSSL's libcrypto with zlib for UserSigs, and its own SQLite; no Python), built from
  ``timconv_nb/engine/src`` (one folder per layer: util, store, notify, runtime, api) with
  ``-Wall -Wextra``, and SQLite from ``timconv_nb/engine/third_party`` (``engine_sqlite.c``
  says with which options), its symbols hidden;
* ``timconv_nb._callbacks``: the cffi API-mode module holding the Python callbacks;
* ``timconv_nb._conv_columns``: a CPython extension decoding a ConvInfo array's JSON (Tencent's
  library's listing) into the conversation frame's columns, built from
  ``timconv_nb/engine/columns`` with yyjson (``third_party/decoder_yyjson.c`` says with which
  options).

The two Python modules are built on CPython's stable ABI (the limited API of
``STABLE_ABI_VERSION``, the oldest Python ``requires-python`` admits), and the wheel is tagged
``cp39-abi3``: one wheel serves that CPython and every later one. A CPython that has no stable
ABI (a debug or a free-threaded build) builds them for itself alone.

Metadata lives in pyproject.toml.
"""

import os
import re
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ENGINE_DIR = Path("timconv_nb") / "engine"
ENGINE_NAME = "timconv_nb.engine.libtimconv"
#: The one place the version is kept (pyproject.toml reads it too): the engine reports it.
VERSION = re.search(r'^__version__ = "([^"]+)"', Path("timconv_nb/__init__.py").read_text(), re.MULTILINE).group(1)
#: The CPython whose limited API the Python modules are written to (requires-python's floor).
STABLE_ABI_VERSION = (3, 9)
#: Whether this CPython has a stable ABI to build on (debug and free-threaded builds have none; cffi
#: leaves its module's py_limited_api unset on them by the same rule).
HAS_STABLE_ABI = not hasattr(sys, "gettotalrefcount") and not sysconfig.get_config_var("Py_GIL_DISABLED")

engine = Extension(
    ENGINE_NAME,
    sources=[*sorted(str(p) for p in (ENGINE_DIR / "src").rglob("*.c")),
             str(ENGINE_DIR / "third_party" / "engine_sqlite.c")],
    # The sources include each other by layer ("store/store.h"), from the source root, and the
    # engine's own sqlite3.h, not the system's.
    include_dirs=[str(ENGINE_DIR / "include"), str(ENGINE_DIR / "src"), str(ENGINE_DIR / "third_party" / "sqlite")],
    libraries=["crypto", "z", "pthread", "m"],
    define_macros=[("TIMCONV_VERSION", f'"{VERSION}"')],
    extra_compile_args=["-std=c11", "-Wall", "-Wextra", "-fvisibility=hidden"],
)

conv_columns = Extension(
    "timconv_nb._conv_columns",
    # yyjson with the options decoder_yyjson.c gives it.
    sources=[*sorted(str(p) for p in (ENGINE_DIR / "columns").glob("*.c")),
             str(ENGINE_DIR / "third_party" / "decoder_yyjson.c")],
    include_dirs=[str(ENGINE_DIR / "include"), str(ENGINE_DIR / "third_party" / "yyjson")],
    extra_compile_args=["-std=c11", "-Wall", "-Wextra"],
    py_limited_api=HAS_STABLE_ABI,
)


class BuildExt(build_ext):
    """build_ext that names the engine ``libtimconv.so`` and links it without Python, and builds
    the modules marked ``py_limited_api`` (the decoder, and cffi's) on the limited API of
    ``STABLE_ABI_VERSION``."""

    def build_extension(self, ext: Extension) -> None:
        if ext.py_limited_api:
            major, minor = STABLE_ABI_VERSION
            ext.define_macros = [*ext.define_macros, ("Py_LIMITED_API", f"0x{major:02x}{minor:02x}0000")]
        super().build_extension(ext)

    def get_ext_filename(self, fullname: str) -> str:
        # Called with the full dotted name by setuptools and with its last part by distutils.
        *package, last = fullname.split(".")
        if last == ENGINE_NAME.rsplit(".", 1)[1]:
            return os.path.join(*package, "libtimconv.so")
        return super().get_ext_filename(fullname)

    def get_export_symbols(self, ext: Extension) -> list:
        # The engine exports its TIM* functions by visibility, not a PyInit_ symbol.
        return [] if ext.name == ENGINE_NAME else super().get_export_symbols(ext)

    def get_libraries(self, ext: Extension) -> list:
        return list(ext.libraries) if ext.name == ENGINE_NAME else super().get_libraries(ext)


if sys.platform != "linux":
    sys.exit("timconv_nb's engine builds on Linux only")

setup(
    ext_modules=[engine, conv_columns],
    cffi_modules=[str(ENGINE_DIR / "cffi_build.py") + ":ffibuilder"],
    cmdclass={"build_ext": BuildExt},
    # The wheel's tag: cp39-abi3, from STABLE_ABI_VERSION.
    options={"bdist_wheel": {"py_limited_api": "cp{}{}".format(*STABLE_ABI_VERSION)}} if HAS_STABLE_ABI else {},
)
