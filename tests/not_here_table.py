"""The vendor's functions the local engine does not implement, as ``src/api/not_here_*.c`` defines
them (one line each: the macro, the function, and ``NOT_YET("feature")`` or ``CLOUD("what it
needs")``), and docs/vendor.md's table of every function of the vendor's headers, which must say
the same. ``python tests/not_here_table.py`` prints the table as it must be."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from timconv_nb import declarations, native

REPO = Path(__file__).resolve().parent.parent
API_SOURCES = REPO / "timconv_nb" / "engine" / "src" / "api"
DOCS = REPO / "docs" / "vendor.md"
DECLARED = declarations.read()

#: A one-line definition (``NOT_HERE_CALL(TIMMsgTranslateText, (...), cb, CLOUD("machine translation"))``),
#: or the hand-written one's description (``"TIMMsgGetGroupMessageReadMemberList" NOT_YET("receipts")``).
_DEFINITION = re.compile(r'^(?:NOT_HERE_\w+\(|.*")(\w+)\b.*\b(NOT_YET|CLOUD)\("([^"]*)"\)', re.MULTILINE)
_ROW = re.compile(r"^\| (\w+\.h) \| `(\w+)` \| (.+) \|$", re.MULTILINE)
#: The table's place in docs/vendor.md.
TABLE_START = "| header | function | on the local engine |"


@dataclass(frozen=True)
class NotHere:
    """One function of a not-here file: planned locally (NOT_YET) or needing the cloud (CLOUD)."""

    name: str
    kind: str  # "NOT_YET" or "CLOUD"
    reason: str  # the feature it belongs to, or what of Tencent's cloud it needs
    source: str  # its file


def not_here() -> dict[str, NotHere]:
    """Every function the not-here files define, by name."""
    found: dict[str, NotHere] = {}
    for path in sorted(API_SOURCES.glob("not_here_*.c")):
        for name, kind, reason in _DEFINITION.findall(path.read_text()):
            assert name not in found, f"{name} is defined twice"
            found[name] = NotHere(name, kind, reason, path.name)
    return found


def status(function: declarations.Function, stub: NotHere | None) -> str:
    """What the table says of a function."""
    if stub is None:
        return "local"
    setter = function.returns == "void"
    if stub.kind == "NOT_YET":
        today = "callback accepted, not called today" if setter else "7013 today"
        return f"local, planned: {stub.reason} ({today})"
    return f"cloud: needs {stub.reason} ({'callback accepted, never called' if setter else '7013'})"


def expected_rows(order: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(header, function, status) of every vendor function our headers declare, in ``order`` (a
    list of names) or in our headers' order."""
    stubs = not_here()
    functions = DECLARED.vendor_functions
    names = order if order is not None else list(functions)
    return [(functions[name].header, name, status(functions[name], stubs.get(name))) for name in names]


def documented_rows() -> list[tuple[str, str, str]]:
    """The rows of docs/vendor.md's table, in its order."""
    text = DOCS.read_text()
    start = text.index(TABLE_START)
    return _ROW.findall(text[start:text.index("\n\n", start)])


def table(rows: list[tuple[str, str, str]]) -> str:
    return "\n".join([TABLE_START, "| --- | --- | --- |", *(f"| {h} | `{n}` | {s} |" for h, n, s in rows)])


@functools.cache
def declare_not_here() -> None:
    """Adds the not-here functions to the binding's declarations (which leave them out), so that
    ``NativeLibrary.lib`` reaches them: once per process (cffi refuses a second declaration)."""
    native.ffi.cdef(DECLARED.not_here_cdef())


if __name__ == "__main__":
    import sys

    from timconv_nb import vendor

    headers = vendor.cached_library()
    if headers is None:
        sys.exit("the vendor's headers are not fetched: python -m timconv_nb.vendor fetch")
    sys.path.insert(0, str(Path(__file__).parent))
    from test_vendor_abi import vendor_order

    print(table(expected_rows(vendor_order())))
