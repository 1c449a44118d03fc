"""The vendor's Electron wrapper names the same calls: a committed extract of its ``TimRender``
class, and a table lining up the Python client, the C function and the Electron method.

Tencent's ``im_electron_sdk`` (npm) ships ``dist/renderer.d.ts``, whose ``TimRender`` methods are
named as the C functions, each taking one parameter object and answering with a Promise
(``TIMConvCreate(param: convCreate): Promise<convInfo>;``). ``electron_methods.json`` is the
extract of those methods from the version :mod:`timconv_nb.vendor` fetches
(``python -m timconv_nb.course.electron`` prints it again from the fetched file;
``tests/test_c_cells.py`` fails when the two differ).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from importlib import resources
from typing import Any, Callable, Optional

__all__ = ["call_table", "electron_methods", "extract_methods", "EXTRACT_FILE"]

EXTRACT_FILE = "electron_methods.json"
#: A public method of the class body: `    Name(param?: Type): Promise<...>;` (no parameter, or one).
_METHOD = re.compile(r"^    (?!private |static )(\w+)\((?:\w+(\?)?: (.+?))?\): (Promise<.*>);$")
_CLASS = re.compile(r"^declare class TimRender \{$(.*?)^\}$", re.MULTILINE | re.DOTALL)


def extract_methods(declarations: str) -> dict[str, dict[str, Any]]:
    """The public Promise methods of ``TimRender`` in the text of ``renderer.d.ts``, in their
    order: name -> {"parameter": its type or None, "optional": bool, "returns": the Promise type}."""
    body = _CLASS.search(declarations)
    if body is None:
        raise ValueError("no `declare class TimRender {` block in the declarations")
    methods = {}
    for line in body.group(1).splitlines():
        found = _METHOD.match(line)
        if found:
            name, optional, parameter, returns = found.groups()
            methods[name] = {"parameter": parameter, "optional": optional is not None, "returns": returns}
    return methods


def electron_methods() -> dict[str, dict[str, Any]]:
    """The committed extract: ``TimRender`` method name -> parameter type, optional, return type."""
    methods: dict[str, dict[str, Any]] = json.loads(
        (resources.files(__package__) / EXTRACT_FILE).read_text(encoding="utf-8"))["methods"]
    return methods


def _signature(name: str, method: Optional[dict[str, Any]]) -> str:
    if method is None:
        return "—"
    parameter = method["parameter"] or ""
    return f"{name}({parameter}{'?' if method['optional'] else ''}): {method['returns']}"


def call_table(methods: Optional[Iterable[Callable[..., Any]]] = None) -> Any:
    """A DataFrame with one row per Python method: ``Python method``, the ``C function`` it calls
    (its ``.c_function``) and the vendor's ``Electron method`` of that name with its parameter
    and Promise ("—" when the Electron wrapper has none). Without ``methods``: every public
    ``Client`` method declared by a C call, in the class's order (not the ``*_async`` twins)."""
    import pandas as pd

    if methods is None:
        from ..client import Client

        methods = [value for name, value in vars(Client).items()
                   if hasattr(value, "c_function") and not name.startswith("_") and not name.endswith("_async")]
    known = electron_methods()
    rows = []
    for method in methods:
        function = getattr(method, "c_function", None)
        if function is None:
            raise TypeError(f"{getattr(method, '__name__', method)!r} is not a Client method that calls C")
        rows.append({"Python method": f"{method.__name__}()", "C function": function,
                     "Electron method": _signature(function, known.get(function))})
    return pd.DataFrame(rows, columns=["Python method", "C function", "Electron method"])


def main() -> int:
    """Prints the extract of the fetched vendor package's ``renderer.d.ts``."""
    from .. import vendor

    path = vendor.cached_renderer_types()
    if path is None:
        print("error: renderer.d.ts was not fetched: run python -m timconv_nb.vendor fetch", file=sys.stderr)
        return 1
    extract = {"source": f"{vendor.PACKAGE}@{vendor.DEFAULT_VERSION} dist/renderer.d.ts, class TimRender",
               "methods": extract_methods(path.read_text(encoding="utf-8"))}
    print(json.dumps(extract, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
