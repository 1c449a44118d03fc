"""Build script (cffi API mode) for ``timconv_nb._callbacks``: the binding's own C, which serves
every library with the engine's ABI:

* the completions of calls (``completions/``), which the library's thread fills without entering
  Python: the waiter of blocking calls (``waiter.c``) and the answer queue of awaited ones
  (``answers.c``), both keeping replies as ``reply.c`` does;
* one ``extern "Python"`` trampoline per callback type of the binding's declarations,
  ``timconv_on_<type>``, with the type's own parameters, for the notifications and for raw
  callbacks written in Python.

Calls themselves go through an ABI-mode ffi built from the same declarations at run time (see
``timconv_nb.native``), so that they reach whichever library was opened, never code compiled in
here. The declarations are read from the headers by ``timconv_nb/declarations.py``, loaded here by
path (the package itself is not importable while it is being built).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import cffi

if TYPE_CHECKING:
    from timconv_nb.declarations import Declarations

ENGINE = Path(__file__).resolve().parent
COMPLETIONS = ENGINE / "completions"
PREPROCESSOR_LINE = re.compile(r"^#.*$", re.MULTILINE)
#: The completions' headers, in the order they declare their types; C headers that cffi reads too.
COMPLETION_HEADERS = ("reply.h", "waiter.h", "answers.h")
COMPLETION_SOURCES = ("reply.c", "waiter.c", "answers.c")


def _declarations_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timconv_declarations", ENGINE.parent / "declarations.py")
    assert spec is not None and spec.loader is not None  # a .py file by path
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining a class
    spec.loader.exec_module(module)
    return module


def trampolines(declarations: Declarations) -> str:
    """The extern "Python" declaration of one trampoline per callback type of the binding (those of
    the functions the local engine implements: the not-here block's are never registered)."""
    return "".join(f'extern "Python" void timconv_on_{c.name}({c.parameters});\n'
                   for c in declarations.callback_types.values() if c.local)


declarations = _declarations_module().read()
ffibuilder = cffi.FFI()
ffibuilder.cdef(declarations.types_cdef() + trampolines(declarations)
                + "".join(PREPROCESSOR_LINE.sub("", (COMPLETIONS / h).read_text()) for h in COMPLETION_HEADERS))
# Compiling against the real headers makes the C compiler check every enum value declared above.
ffibuilder.set_source(
    "timconv_nb._callbacks",
    '#include "TIMCloud.h"\n#include "waiter.h"\n#include "answers.h"\n',
    sources=[str(COMPLETIONS / source) for source in COMPLETION_SOURCES],
    include_dirs=[str(ENGINE / "include"), str(COMPLETIONS)],
    extra_compile_args=["-std=c11", "-Wall", "-Wextra"],
    libraries=["pthread"],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
