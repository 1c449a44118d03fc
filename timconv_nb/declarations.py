"""The C API's declarations, read from the engine's public headers: the one declaration text
(cdef) through which every library with the engine's ABI is called, and the parameter names that
records of calls show.

The headers (``engine/include``) are written in one style, so reading them takes no C parser:
a function is one ``TIM_API`` prototype, a callback type one ``typedef void (*Name)(...);``, an
enum one ``enum Name { ... };``. What the declarations hold, from the headers of
:data:`API_HEADERS`:

* every ``TIM_API`` function (the vendor's API; the local engine's extensions, ``timconv_ext.h``,
  come last, so a library without them still loads: cffi resolves a function when it is used);
* every callback type;
* the enums those signatures name, with their ``typedef``s.

Every function of the vendor's headers is declared (spec section 10). Those the local engine does
not implement stand in one block at the end of their header, after :data:`NOT_HERE_MARKER`
(``src/api/not_here_*.c`` answers them 7013): their :attr:`Function.local` is False, and the
binding's text (:meth:`Declarations.cdef`) leaves them and the types only they name out, so they
cost the binding nothing at import (nothing in it calls them); :meth:`Declarations.not_here_cdef`
is the rest. Implementing one is moving its prototype above the block: the binding then declares it.

Nothing here imports cffi: the binding (:mod:`timconv_nb.native`) and the build of the
callback module (``engine/cffi_build.py``) both read :func:`read`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["API_HEADERS", "EXTENSION_HEADER", "NOT_HERE_MARKER", "Declarations", "Function", "read"]

INCLUDE = Path(__file__).resolve().parent / "engine" / "include"
#: The vendor's headers as the engine declares them (what TIMCloud.h includes).
API_HEADERS = ("TIMManager.h", "TIMConversationManager.h", "TIMMessageManager.h", "TIMGroupManager.h",
               "TIMExperimentalAPI.h", "TIMCommunityManager.h", "TIMFriendshipManager.h", "TIMOfflinePushManager.h",
               "TIMSignalingManager.h")
#: The local engine's own functions: not in the vendor's library.
EXTENSION_HEADER = "timconv_ext.h"
#: Headers of shared types only: their enums and callback types may be named by the others'.
TYPE_HEADERS = ("TIMCloudDef.h",)
#: The comment line that opens a header's block of the functions the local engine does not implement.
NOT_HERE_MARKER = "---- Not implemented by the local engine (yet) ----"

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
_FUNCTION = re.compile(r"\bTIM_API\s+([\w\s\*]+?)\s*\b(\w+)\s*\(([^)]*)\)\s*;")
_CALLBACK_TYPE = re.compile(r"\btypedef\s+void\s*\(\s*\*\s*(\w+)\s*\)\s*\(([^)]*)\)\s*;")
_ENUM = re.compile(r"\benum\s+(\w+)\s*\{([^}]*)\}\s*;")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Function:
    """One C function, or callback type, as declared: its name, return type and parameters."""

    name: str
    returns: str
    parameters: str  # as written, e.g. "const char* conv_id, enum TIMConvType conv_type"
    header: str
    is_callback_type: bool = False
    local: bool = True  # False: declared in its header's not-here block (see the module docstring)

    @functools.cached_property
    def parameter_names(self) -> list[str]:
        """The declared name of each parameter ("void" and an empty list: none)."""
        params = [p.strip() for p in self.parameters.split(",")]
        return [_WORD.findall(p)[-1] for p in params if p and p != "void"]

    def declaration(self) -> str:
        if self.is_callback_type:
            return f"typedef void (*{self.name})({self.parameters});"
        return f"{self.returns} {self.name}({self.parameters});"


@dataclass(frozen=True)
class Declarations:
    """What the headers declare, in header order."""

    functions: dict[str, Function]
    callback_types: dict[str, Function]
    enums: dict[str, str]  # name -> its body, as written (cdef declares those the signatures name)

    def types_cdef(self) -> str:
        """The declaration text of the binding's types: the enums its signatures name, then its
        callback types."""
        return self._text(local=True, functions=False)

    def cdef(self) -> str:
        """The binding's declaration text for cffi: the types, then the functions the local engine
        implements (the extensions last)."""
        return self._text(local=True, functions=True)

    def not_here_cdef(self) -> str:
        """What :meth:`cdef` leaves out: the not-here blocks' functions and the types only they name.
        Declared after :meth:`cdef` (cffi takes declarations added after a library was opened),
        every function of the vendor's headers can be called."""
        return self._text(local=False, functions=True)

    def _text(self, local: bool, functions: bool) -> str:
        declared = [f for f in self.functions.values() if f.local == local] if functions else []
        callback_types = [c for c in self.callback_types.values() if c.local == local]
        named = _named_types(declared + callback_types)
        if not local:  # the binding's text declares the enums it names already
            named -= _named_types([f for f in (*self.functions.values(), *self.callback_types.values()) if f.local])
        enums = "".join(f"enum {name} {{{body}}};\ntypedef enum {name} {name};\n"
                        for name, body in self.enums.items() if name in named)
        return enums + "".join(c.declaration() + "\n" for c in (*callback_types, *declared))

    def parameter_names(self, name: str) -> list[str]:
        """The parameter names of a declared function or callback type ([] when unknown)."""
        declared = self.functions.get(name) or self.callback_types.get(name)
        return declared.parameter_names if declared is not None else []

    @property
    def vendor_functions(self) -> dict[str, Function]:
        """The functions of the vendor's API (the extensions left out)."""
        return {name: f for name, f in self.functions.items() if f.header != EXTENSION_HEADER}


def _named_types(functions: list[Function]) -> set[str]:
    return {word for f in functions for word in _WORD.findall(f"{f.returns} {f.parameters}")}


def read(include: Path = INCLUDE) -> Declarations:
    """The declarations of the headers in ``include`` (see the module docstring)."""
    functions: list[Function] = []
    callback_types: list[Function] = []
    enums: dict[str, str] = {}
    for header in (*TYPE_HEADERS, *API_HEADERS, EXTENSION_HEADER):
        source = (include / header).read_text()
        marker = source.find(NOT_HERE_MARKER)
        cut = source.rfind("/*", 0, marker) if marker >= 0 else len(source)  # the block's comment opens it
        for part, local in ((source[:cut], True), (source[cut:], False)):
            text = _COMMENT.sub("", part)
            if header != EXTENSION_HEADER:
                enums.update(_ENUM.findall(text))
            callback_types += [Function(name, "void", " ".join(params.split()), header, is_callback_type=True,
                                        local=local) for name, params in _CALLBACK_TYPE.findall(text)]
            functions += [Function(name, " ".join(returns.split()), " ".join(params.split()), header, local=local)
                          for returns, name, params in _FUNCTION.findall(text)]
    return Declarations(functions={f.name: f for f in functions},
                        callback_types={c.name: c for c in callback_types}, enums=enums)
