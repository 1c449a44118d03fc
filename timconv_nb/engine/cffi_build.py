"""Build script (cffi API mode) for ``timconv_nb._callbacks``: the ``extern "Python"``
callbacks handed to the C library, and the C waiter for blocking calls (cffi/waiter.c). Calls themselves go through an ABI-mode ffi built from the
same type declarations at run time (see ``timconv_nb.native``), so that they reach whichever
library was opened, never code compiled in here."""

from pathlib import Path

import cffi

DECLARATIONS = Path(__file__).resolve().parent / "cffi"

ffibuilder = cffi.FFI()
ffibuilder.cdef(
    (DECLARATIONS / "types.h").read_text()
    + (DECLARATIONS / "callbacks.h").read_text()
    + (DECLARATIONS / "waiter.h").read_text()
)
# Compiling against the real headers makes the C compiler check every enum value declared above.
ffibuilder.set_source(
    "timconv_nb._callbacks",
    '#include "TIMCloud.h"\n' + (DECLARATIONS / "waiter.c").read_text(),
    include_dirs=[str(DECLARATIONS.parent / "include")],
    libraries=["pthread"],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
