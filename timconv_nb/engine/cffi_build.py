"""Build script (cffi API mode) for ``timconv_nb._callbacks``: the ``extern "Python"``
trampolines handed to the C library, and the C waiter for blocking calls (cffi/waiter.c). Calls
themselves go through an ABI-mode ffi built from the same type declarations at run time (see
``timconv_nb.native``), so that they reach whichever library was opened, never code compiled in
here.

Every callback type declared in ``cffi/types.h`` gets one trampoline, ``timconv_on_<type>``, with
the type's own parameters: declaring a callback type is all the C side of the binding needs.
"""

import re
from pathlib import Path

import cffi

DECLARATIONS = Path(__file__).resolve().parent / "cffi"
# "typedef void (*TIMConvEventCallback)(enum TIMConvEvent conv_event, ...);"
CALLBACK_TYPE = re.compile(r"^typedef void \(\*(\w+)\)\(([^)]*)\);", re.MULTILINE)


def trampolines(types: str) -> str:
    """The extern "Python" declaration of one trampoline per callback type in ``types``."""
    return "".join(f'extern "Python" void timconv_on_{name}({params});\n'
                   for name, params in CALLBACK_TYPE.findall(types))


types = (DECLARATIONS / "types.h").read_text()
ffibuilder = cffi.FFI()
ffibuilder.cdef(types + trampolines(types) + (DECLARATIONS / "waiter.h").read_text())
# Compiling against the real headers makes the C compiler check every enum value declared above.
ffibuilder.set_source(
    "timconv_nb._callbacks",
    '#include "TIMCloud.h"\n' + (DECLARATIONS / "waiter.c").read_text(),
    include_dirs=[str(DECLARATIONS.parent / "include")],
    libraries=["pthread"],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
