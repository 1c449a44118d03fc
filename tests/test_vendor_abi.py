"""Our declarations against Tencent's own SDK (spec sections 7 and 10): every function of every
vendor header is declared by our header of the same name with the vendor's prototype, exists in
libImSDK.so, and is exported by the local engine (so is every function the vendor's Electron
wrapper binds); every enum value and JSON key our headers declare equals the vendor's; docs/vendor.md
lists every function in the vendor's order; and the binding opened on the vendor library reports
the vendor's version (so the call went there). Nothing else is called on it: no TIMInit, no
login. Skipped, with the reason, when the library has not been fetched
(``python -m timconv_nb.vendor fetch``; .ci/setup does it)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import cffi
import pytest

from conftest import engine_library_path
from not_here_table import declare_not_here, documented_rows, expected_rows
from timconv_nb import declarations, errors, native, vendor

LIBRARY = vendor.cached_library()
pytestmark = pytest.mark.skipif(LIBRARY is None,
                                reason="the vendor library is not fetched: python -m timconv_nb.vendor fetch")

OURS = Path(native.get_include())
DECLARED = declarations.read()


def vendor_include() -> Path:
    return LIBRARY.parent.parent / "include"


def vendor_text() -> str:
    return "\n".join(p.read_text(errors="replace") for p in sorted(vendor_include().glob("*.h")))


def vendor_headers() -> list[str]:
    """The vendor's headers that declare functions, in the order its TIMCloud.h includes them."""
    included = re.findall(r'#include "(\w+\.h)"', (vendor_include() / "TIMCloud.h").read_text())
    return [h for h in included if prototypes((vendor_include() / h).read_text(errors="replace"), r"TIM_API\s+")]


def vendor_order() -> list[str]:
    """Every function of the vendor's headers, header by header, each in its header's order."""
    return [name for header in vendor_headers()
            for name in prototypes((vendor_include() / header).read_text(errors="replace"), r"TIM_API\s+")]


def our_text() -> str:
    return "\n".join(p.read_text() for p in sorted(OURS.glob("*.h")))


def strip_comments(text: str) -> str:
    return re.sub(r"//[^\n]*", "", re.sub(r"/\*.*?\*/", "", text, flags=re.S))


def normalize_type(text: str) -> str:
    text = re.sub(r"\benum\s+", "", text.strip())
    text = re.sub(r"\s*\*\s*", "* ", text).strip()
    return re.sub(r"\s+", " ", text)


def parameter_types(params: str) -> tuple[str, ...]:
    params = params.strip()
    if params in ("", "void"):
        return ()
    types = []
    for param in params.split(","):
        param = param.strip()
        without_name = re.sub(r"\s*\b\w+\s*$", "", param) if re.search(r"[\w*]\s+\*?\s*\w+\s*$", param) else param
        types.append(normalize_type(without_name))
    return tuple(types)


def prototypes(text: str, prefix: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    found = {}
    pattern = prefix + r"([\w\s\*]+?)\s*\b(\w+)\s*\(([^)]*)\)\s*;"
    for ret, name, params in re.findall(pattern, strip_comments(text), flags=re.M):
        found[name] = (normalize_type(ret), parameter_types(params))
    return found


def enums(text: str) -> dict[str, dict[str, int]]:
    result = {}
    for name, body in re.findall(r"enum\s+(\w+)\s*\{([^}]*)\}", strip_comments(text)):
        values, next_value = {}, 0
        for entry in filter(None, (e.strip() for e in body.split(","))):
            key, _, expr = entry.partition("=")
            expr = re.sub(r"\b(0x[0-9a-fA-F]+|\d+)[uUlL]+\b", r"\1", expr)  # C literal suffixes
            try:
                value = eval(expr, {"__builtins__": {}}, dict(values)) if expr.strip() else next_value
            except (NameError, SyntaxError):
                value = None  # an expression over other headers' names: not one we declare
            if value is None:
                values[key.strip()] = None
                continue
            value = (value + 2**31) % 2**32 - 2**31  # an int, as C makes it (the vendor's 0x01 << 31 is INT_MIN)
            values[key.strip()] = value
            next_value = value + 1
        result[name] = values
    return result


def keys(text: str) -> dict[str, str]:
    return dict(re.findall(r'static\s+const\s+char\s*\*\s*(\w+)(?:\s+TIM_KEY_ATTR)?\s*=\s*"([^"]*)"', text))


def test_every_declared_function_exists_with_the_vendor_prototype() -> None:
    ours = prototypes("".join(f.declaration() + "\n" for f in DECLARED.vendor_functions.values()), r"^\s*")
    assert len(ours) > 20
    theirs = prototypes(vendor_text(), r"TIM_API\s+")
    declare_not_here()
    library = native.open_library(LIBRARY)
    for name, signature in ours.items():
        assert name in theirs, f"{name} is not in the vendor's headers"
        assert signature == theirs[name], f"{name}: ours {signature}, vendor {theirs[name]}"
        getattr(library.lib, name)  # resolves the symbol in libImSDK.so; calls nothing


def test_every_vendor_function_is_declared_in_its_header_with_its_prototype() -> None:
    """Header by header: the same functions, with the same prototypes (return type, name,
    parameter types); the ones the engine does not implement in the vendor's order, after the
    others (the not-here block)."""
    headers = vendor_headers()
    assert len(headers) == 9 and "TIMSignalingManager.h" in headers  # 13 files, 4 of types only
    total = 0
    for header in headers:
        theirs = prototypes((vendor_include() / header).read_text(errors="replace"), r"TIM_API\s+")
        ours = prototypes((OURS / header).read_text(), r"TIM_API\s+")
        assert list(ours) == sorted(ours, key=lambda name: not DECLARED.functions[name].local), header
        not_here = [name for name in ours if not DECLARED.functions[name].local]
        assert not_here == [name for name in theirs if name in not_here], f"{header}: not in the vendor's order"
        assert set(ours) == set(theirs), f"{header}: missing {set(theirs) - set(ours)}, extra {set(ours) - set(theirs)}"
        for name, signature in theirs.items():
            assert ours[name] == signature, f"{header} {name}: ours {ours[name]}, vendor {signature}"
        total += len(theirs)
    assert total == len(DECLARED.vendor_functions) == 240


def test_the_engine_exports_every_vendor_function() -> None:
    """Every function of the vendor's headers resolves in the local engine through cffi (dlsym), as
    a client binding the whole API up front needs; the binding's declarations and the rest parse."""
    ffi = cffi.FFI()
    ffi.cdef(DECLARED.cdef())
    ffi.cdef(DECLARED.not_here_cdef())
    engine = ffi.dlopen(engine_library_path() or native.library_path())
    names = vendor_order()
    assert len(names) == 240
    for name in names:
        assert isinstance(getattr(engine, name), ffi.CData), name


def test_the_electron_wrapper_binds_only_functions_the_engine_exports() -> None:
    """The vendor's Electron wrapper (dist/main.js of im_electron_sdk) binds the library's
    functions by name through ffi-rs (`funcName:"TIMInit"`): each is declared and exported."""
    main = vendor.cached_wrapper_main()
    if main is None:
        pytest.skip("dist/main.js is not fetched: python -m timconv_nb.vendor fetch")
    bound = set(re.findall(r'funcName:\s*"(\w+)"', main.read_text(encoding="utf-8", errors="replace")))
    assert len(bound) > 150 and {"TIMInit", "TIMMsgSendMessage", "TIMSignalingInvite"} <= bound
    exported = subprocess.run(["nm", "-D", "--defined-only", engine_library_path() or native.library_path()],
                              capture_output=True, text=True, check=True).stdout
    for name in sorted(bound):
        assert name in DECLARED.vendor_functions, f"{name} is not declared"
        assert re.search(rf" T {name}$", exported, re.MULTILINE), f"{name} is not exported"


def test_docs_list_every_vendor_function_in_the_vendors_order() -> None:
    """docs/vendor.md's table: a row per function of the vendor's headers, in their order, saying
    local, planned or cloud as the engine's sources do (tests/not_here_table.py prints it)."""
    assert documented_rows() == expected_rows(vendor_order())


def test_our_headers_agree_with_the_vendor_headers() -> None:
    ours, theirs = prototypes(our_text(), r"TIM_API\s+"), prototypes(vendor_text(), r"TIM_API\s+")
    extensions = [name for name in ours if name.startswith("timconv_")]  # ours alone (timconv_ext.h)
    assert "timconv_set_clock" in extensions and "timconv_fault_fail_next" in extensions
    assert not [name for name in theirs if name.startswith("timconv_")]
    for name in extensions:
        ours.pop(name)
    for name, signature in ours.items():
        assert signature == theirs.get(name), f"{name}: ours {signature}, vendor {theirs.get(name)}"


def test_enum_values_equal_the_vendors() -> None:
    theirs = enums(vendor_text())
    for source in (our_text(), DECLARED.types_cdef()):
        for enum, values in enums(source).items():
            if any(name.startswith("#define") for name in values):
                continue  # made from the rows of an X-macro: the codes, checked row by row below
            assert enum in theirs, enum
            for name, value in values.items():
                assert theirs[enum].get(name) == value, f"{enum}.{name}: ours {value}, vendor {theirs[enum].get(name)}"


def test_every_code_row_has_the_vendors_value() -> None:
    """The rows of TIMCONV_ERROR_CODES and TIMCONV_RESULT_CODES, as errors.py reads them, against
    the vendor's enum TIMErrCode and enum TIMResult."""
    theirs = enums(vendor_text())
    vendor_codes = {**theirs["TIMErrCode"], **theirs["TIMResult"]}
    assert len(errors.ERROR_CODES) > 30
    for row in errors.ERROR_CODES:
        vendor_code = vendor_codes.get(row.name)
        assert vendor_code == row.code, f"{row.name}: ours {row.code}, vendor {vendor_code}"


def test_json_keys_equal_the_vendors() -> None:
    ours, theirs = keys(our_text()), keys(vendor_text())
    assert len(ours) > 60
    for name, value in ours.items():
        assert theirs.get(name) == value, f"{name}: ours {value!r}, vendor {theirs.get(name)!r}"


def test_the_binding_reaches_the_vendor_library() -> None:
    library = native.open_library(LIBRARY)
    version = library.version()
    assert not library.is_local_engine
    assert version and version != native.open_library().version()
    assert re.match(r"^\d+\.\d+", version), version


def test_client_reports_the_vendor_library_without_starting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from timconv_nb import Client

    info = Client.library_info(LIBRARY)
    assert info["path"] == str(LIBRARY) and not info["is_local"]
    assert info["version"] == native.open_library(LIBRARY).version()
    monkeypatch.setenv("TIMCONV_SDK_LIB", str(LIBRARY))
    assert Client.library_info()["version"] == info["version"]
    assert Client.library_info(native.library_path())["is_local"]


def test_the_vendor_library_carries_its_own_sqlite_as_the_engine_does() -> None:
    """libImSDK.so needs no system SQLite and exports none of SQLite's functions, yet holds
    SQLite's own statements: it carries a private SQLite, as the engine now does (engine.md)."""
    dynamic = subprocess.run(["readelf", "-d", str(LIBRARY)], capture_output=True, text=True, check=True).stdout
    exported = subprocess.run(["nm", "-D", "--defined-only", str(LIBRARY)], capture_output=True, text=True,
                              check=True).stdout
    assert "(NEEDED)" in dynamic and "libsqlite3" not in dynamic
    assert " T TIMInit" in exported and not re.search(r" T sqlite3_\w+", exported)
    assert b"SELECT 'INSERT INTO vacuum_db.' || quote(name)" in LIBRARY.read_bytes()  # SQLite's VACUUM, compiled in
