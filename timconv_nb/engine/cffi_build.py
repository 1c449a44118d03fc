"""Build script (cffi API mode) for ``timconv_nb._callbacks``: the ``extern "Python"``
trampolines handed to the C library, and the binding's C completions: the waiter of blocking calls
(cffi/waiter.c) and the answer queue of awaited ones (cffi/answers.c), both keeping replies as
cffi/reply.c copies them. Calls themselves go through an ABI-mode ffi built from the same type
declarations at run time (see ``timconv_nb.native``), so that they reach whichever library was
opened, never code compiled in here.

Every callback type declared in ``cffi/types.h`` gets one trampoline, ``timconv_on_<type>``, with
the type's own parameters: declaring a callback type is all the C side of the binding needs.
"""

import re
from pathlib import Path

import cffi

DECLARATIONS = Path(__file__).resolve().parent / "cffi"
# "typedef void (*TIMConvEventCallback)(enum TIMConvEvent conv_event, ...);"
CALLBACK_TYPE = re.compile(r"^typedef void \(\*(\w+)\)\(([^)]*)\);", re.MULTILINE)
PREPROCESSOR_LINE = re.compile(r"^#.*$", re.MULTILINE)
#: The completions' headers, in the order they declare their types; C headers that cffi reads too.
COMPLETION_HEADERS = ("reply.h", "waiter.h", "answers.h")
COMPLETION_SOURCES = ("reply.c", "waiter.c", "answers.c")


def trampolines(types: str) -> str:
    """The extern "Python" declaration of one trampoline per callback type in ``types``."""
    return "".join(f'extern "Python" void timconv_on_{name}({params});\n'
                   for name, params in CALLBACK_TYPE.findall(types))


types = (DECLARATIONS / "types.h").read_text()
ffibuilder = cffi.FFI()
ffibuilder.cdef(types + trampolines(types)
                + "".join(PREPROCESSOR_LINE.sub("", (DECLARATIONS / h).read_text()) for h in COMPLETION_HEADERS))
# Compiling against the real headers makes the C compiler check every enum value declared above.
ffibuilder.set_source(
    "timconv_nb._callbacks",
    '#include "TIMCloud.h"\n#include "waiter.h"\n#include "answers.h"\n',
    sources=[str(DECLARATIONS / source) for source in COMPLETION_SOURCES],
    include_dirs=[str(DECLARATIONS.parent / "include"), str(DECLARATIONS)],
    extra_compile_args=["-std=c11", "-Wall", "-Wextra"],
    libraries=["pthread"],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
