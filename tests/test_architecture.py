"""The architecture's promises, checked: each cross-language concept is written once per language
and both agree (error codes, notifications, JSON keys), the binding owns the C boundary, the
modules import each other without circles, and every Client method names the C call it makes."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, RawEngine
from timconv_nb import Client, ConvEvent, ConvKey, ConvType, declarations, errors, events, wire
from timconv_nb.native import parameter_names

PACKAGE = REPO / "timconv_nb"
INCLUDE = PACKAGE / "engine" / "include"
SRC = PACKAGE / "engine" / "src"


def compiled_rows(tmp_path: Path, header: str, table: str) -> list[tuple[str, int, str]]:
    """The rows of an X-macro table as the C compiler reads them: name, value and meaning."""
    source = tmp_path / "rows.c"
    source.write_text(
        f'#include <stdio.h>\n#include "{header}"\n'
        "#define PRINT_ROW(name, value, meaning) printf(\"%s\\t%d\\t%s\\n\", #name, (int)(name), meaning);\n"
        f"int main(void) {{ {table}(PRINT_ROW) return 0; }}\n")
    binary = tmp_path / "rows"
    subprocess.run(["gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", f"-I{INCLUDE}", str(source), "-o", str(binary)],
                   check=True, capture_output=True, text=True)
    lines = subprocess.run([str(binary)], check=True, capture_output=True, text=True).stdout.splitlines()
    return [(name, int(value), meaning) for name, value, meaning in (line.split("\t") for line in lines)]


def test_error_codes_are_made_from_the_c_rows_and_each_has_one_python_row(tmp_path: Path) -> None:
    c_rows = [*compiled_rows(tmp_path, "TIMCloudDef.h", "TIMCONV_RESULT_CODES"),
              *compiled_rows(tmp_path, "TIMErrorCode.h", "TIMCONV_ERROR_CODES")]
    # Python reads the rows from the header text: exactly what the compiler reads, row by row.
    assert [(e.code, e.name, e.meaning) for e in errors.ERROR_CODES] == [
        (value, name, meaning) for name, value, meaning in c_rows if value != 0]
    assert all(meaning for _, _, meaning in c_rows)
    assert set(errors.EXCEPTION_OF) == {entry.name for entry in errors.ERROR_CODES}  # one Python row per code
    assert len({entry.code for entry in errors.ERROR_CODES}) == len(errors.ERROR_CODES)
    for entry in errors.ERROR_CODES:
        raised = errors.error_for(entry.code, "", "TIMConvCreate")
        assert type(raised) is entry.error and raised.name == entry.name and raised.desc == entry.meaning
    with pytest.raises(errors.InvalidParameterError, match=r"TIMConvCreate: TIM_ERR_PARAM \(-4\)"):
        errors.check(-4, call="TIMConvCreate")
    errors.check(0)


def test_the_engines_bare_codes_are_described_by_their_rows_meaning(alice: RawEngine) -> None:
    alice.call("TIMConvCreateConversationGroup", b"friends", b'["c2c_bob"]')
    reply = alice.call("TIMConvRenameConversationGroup", b"friends", b"x" * 33)
    assert (reply.code, reply.desc) == (51011, errors.CODE_MEANINGS[51011])
    many = json.dumps([f"c2c_u{i}" for i in range(101)]).encode()
    reply = alice.call("TIMConvSetConversationCustomData", many, b"x")
    assert (reply.code, reply.desc) == (51006, errors.CODE_MEANINGS[51006])


def test_the_package_exports_every_exception() -> None:
    import timconv_nb

    for name in errors.EXCEPTION_NAMES:
        assert getattr(timconv_nb, name) is getattr(errors, name)
    assert {"InvalidGroupError", "OutOfMemoryError", "SDKInternalError", "TIMError"} <= set(errors.EXCEPTION_NAMES)


def c_listener_rows() -> list[tuple[str, ...]]:
    """The rows of TIMCONV_LISTENERS: kind, setter, callback type, registration, per."""
    listeners = (SRC / "notify" / "listeners.h").read_text().replace("\\\n", " ")  # macro lines joined
    definition = listeners.split("#define TIMCONV_LISTENERS(X)")[1].split("\n", 1)[0]
    return re.findall(r"X\((\w+),\s*(\w+),\s*(\w+),\s*(ONE|LIST),\s*(NOTE|ELEMENT),", definition)


def test_notifications_match_the_c_listener_table() -> None:
    rows = c_listener_rows()
    assert len(rows) == (SRC / "notify" / "listeners.h").read_text().count("    X(")  # every row was read
    # One row per language, in the same order: the binding's source is the C kind in lower case.
    assert [(n.source.upper(), n.setter, n.callback_type) for n in events.NOTIFICATIONS] == [
        (kind, setter, ctype) for kind, setter, ctype, _, _ in rows]
    declared = declarations.read().callback_types
    for notification in events.NOTIFICATIONS:
        assert notification.callback_type in declared  # the binding has its trampoline
        assert parameter_names(notification.setter)[0] == "cb"
    assert set(events.EVENTS) == {e for n in events.NOTIFICATIONS for e in n.events}
    assert len(events.EVENTS) == len(set(events.EVENTS))


def test_notification_rows_carry_what_the_binding_and_the_client_need() -> None:
    for notification, (_, _, _, registration, _) in zip(events.NOTIFICATIONS, c_listener_rows()):
        # A LIST row (callbacks added to a list) names its remover, which the headers declare.
        assert (notification.remover is not None) == (registration == "LIST"), notification.source
        if notification.remover is not None:
            assert parameter_names(notification.remover) == ["cb"]
        assert re.fullmatch(r"handler\([\w, ]*\): \S.*", notification.doc), notification.doc
    assert [n.source for n in events.NOTIFICATIONS if not n.recorded] == ["log"]  # log lines are not SDK traffic
    docs = events.handler_docs()
    bullets = docs.split("\n* ")
    assert len(bullets) == len([n for n in events.NOTIFICATIONS if n.events])
    for notification in events.NOTIFICATIONS:
        for event in notification.events:
            assert docs.count(f'``"{event}"``') == 1
    assert '* ``"message"``: ``handler(messages)``, new messages for the logged-in user;' in docs
    assert docs.endswith(".") and max(map(len, docs.splitlines())) <= 96


def header_enum(header: str, enum: str) -> dict[str, int]:
    """The enumerators of ``enum <enum>`` in a public header, with their values (integer literals,
    or implicit ones counted as the compiler does)."""
    text = (INCLUDE / header).read_text()
    body = re.search(rf"enum {enum}\s*{{(.*?)}};", text, re.DOTALL).group(1)
    body = re.sub(r"/\*.*?\*/|//[^\n]*", "", body, flags=re.DOTALL)
    values, next_value = {}, 0
    for item in filter(None, (part.strip() for part in body.split(","))):
        name, _, value = (piece.strip() for piece in item.partition("="))
        next_value = int(value, 0) if value else next_value
        values[name] = next_value
        next_value += 1
    return values


def test_conv_events_are_the_headers_row_by_row() -> None:
    c_events = header_enum("TIMConversationManager.h", "TIMConvEvent")
    assert [(f"kTIMConvEvent_{e.name.capitalize()}", e.value) for e in ConvEvent] == list(c_events.items())
    assert events.notification_of("start").events == tuple(e.name.lower() for e in ConvEvent)


def test_network_statuses_are_the_headers_row_by_row() -> None:
    c_statuses = header_enum("TIMManager.h", "TIMNetworkStatus")
    python = [("kTIM" + e.name.title().replace("_", ""), e.value) for e in events.NetworkStatus]
    assert python == list(c_statuses.items())


def test_wire_keys_are_the_vendor_constants_of_the_same_name() -> None:
    text = "".join(path.read_text() for path in INCLUDE.glob("TIM*.h"))
    c_keys = dict(re.findall(r'static const char\*\s+(\w+)\s+TIM_KEY_ATTR\s*=\s*"([^"]*)"', text))
    python_keys = {name: value for name, value in vars(wire).items()
                   if re.match(r"k?TIM[A-Z]", name) and isinstance(value, str)}
    assert python_keys, "no keys found"
    for name, value in python_keys.items():
        assert c_keys.get(name) == value, name


def test_conversation_keys_parse_and_format() -> None:
    assert ConvKey.parse("c2c_bob") == ConvKey(ConvType.C2C, "bob")
    assert ConvKey.parse("group_a_b") == ConvKey(ConvType.GROUP, "a_b")  # ids may hold underscores
    assert str(ConvKey(ConvType.GROUP, "team")) == "group_team" == ConvKey.format(2, "team")
    for bad in ("bob", "c2c_", "dm_bob", ""):
        with pytest.raises(ValueError):
            ConvKey.parse(bad)


def test_every_client_method_pair_names_a_declared_c_function() -> None:
    pairs = [(name, method) for name, method in vars(Client).items()
             if callable(method) and hasattr(method, "c_function") and not name.endswith("_async")]
    assert len(pairs) >= 30
    for name, method in pairs:
        twin = getattr(Client, f"{name}_async")
        assert inspect.iscoroutinefunction(twin) and twin.c_function == method.c_function
        assert inspect.signature(twin) == inspect.signature(method)
        assert method.__doc__ and method.c_function in method.__doc__, f"{name}'s docstring does not name its C call"
        assert parameter_names(method.c_function), f"{name}: {method.c_function} is not declared"


#: The package's layers, bottom up, as docs/architecture.md lists them: a module imports only
#: modules of its own layer or the layers below it (and, within a layer, without circles). The
#: compiled modules (``_callbacks``, ``_conv_columns``) are below every layer.
LAYERS: dict[str, set[str]] = {
    "tables": {"checks", "wire", "errors", "declarations", "engine_log", "usersig", "vendor"},
    "values": {"model", "membership", "conversation_columns", "typed_json", "events", "arguments", "frames",
               "recording", "profiles", "friends"},
    "binding": {"completions", "native"},
    "client": {"loop_bridge", "process_slot", "calls", "dispatch", "faults", "client"},
    "applications": {"widgets", "course", "workload", "classroom", "__main__"},
}


def module_name(path) -> str:
    """A module's name below the package: its file's stem, or its subpackage's name."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else path.stem


def run_time_nodes(tree: ast.AST) -> list[ast.AST]:
    """The nodes of a module's code that Python runs: not those under ``if TYPE_CHECKING:``
    (imports for type checkers alone, which import nothing at run time)."""
    type_only = {id(inner) for node in ast.walk(tree)
                 if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
                 for inner in ast.walk(node)}
    return [node for node in ast.walk(tree) if id(node) not in type_only]


def package_imports(run_time_only: bool = False) -> dict[str, set[str]]:
    """Module -> the package modules it imports (at any depth of its code; ``run_time_only``: not
    those imported for type checkers alone); a subpackage counts as one module."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "engine" in path.relative_to(PACKAGE).parts:
            continue
        module = module_name(path)
        depth = len(path.relative_to(PACKAGE).parts) - 1
        found = graph.setdefault(module, set())
        tree = ast.parse(path.read_text())
        for node in run_time_nodes(tree) if run_time_only else ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == depth + 1:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:
                    found.update(alias.name for alias in node.names)
    modules = set(graph) - {"__init__"}  # names imported from the package's face are not modules
    return {module: (found & modules) - {module} for module, found in graph.items()}


def test_each_module_imports_only_its_layer_and_the_layers_below() -> None:
    layer_of = {module: index for index, modules in enumerate(LAYERS.values()) for module in modules}
    graph = package_imports()
    unplaced = set(graph) - set(layer_of) - {"__init__"}
    assert not unplaced, f"put these in a layer (here and in docs/architecture.md): {sorted(unplaced)}"
    for module, imported in graph.items():
        if module == "__init__":
            continue  # the package's face: it hands names on, lazily
        for other in imported:
            assert layer_of[other] <= layer_of[module], (
                f"{module} ({list(LAYERS)[layer_of[module]]}) imports {other} ({list(LAYERS)[layer_of[other]]})")
    documented = (REPO / "docs" / "architecture.md").read_text()
    for layer, modules in LAYERS.items():
        for module in modules:
            assert f"`{module}" in documented, f"docs/architecture.md does not place {module} in {layer}"


def test_no_import_circles() -> None:
    """At run time: a type checker's import of a class it names (calls.py's Client) is no circle."""
    graph = package_imports(run_time_only=True)
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        if state.get(module) == 1:
            raise AssertionError("import circle: " + " -> ".join(path + [module]))
        if state.get(module) == 2:
            return
        state[module] = 1
        for imported in graph.get(module, ()):
            visit(imported, path + [module])
        state[module] = 2

    for module in graph:
        visit(module, [])


def test_only_the_binding_touches_cffi() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.stem in ("native", "completions") or "engine" in path.parts:
            continue
        text = path.read_text()
        assert not re.search(r"\bffi\b|\.lib\.|import cffi", text), f"{path.name} reaches into cffi"


def test_the_binding_loads_without_pandas() -> None:
    code = "import sys; sys.modules['pandas'] = None; import timconv_nb.native as n; print(n.open_library().version())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0 and "local engine" in result.stdout, result.stderr


def test_the_largest_c_source_is_well_under_the_old_largest() -> None:
    sizes = {path.relative_to(SRC): len(path.read_text().splitlines()) for path in SRC.rglob("*.c")}
    assert max(sizes.values()) < 600, sizes  # store.c had 1,038 lines, engine.c 837
    assert {path.parts[0] for path in sizes} == {"util", "store", "notify", "runtime", "api"}


def test_cffi_build_declares_one_trampoline_per_callback_type() -> None:
    spec = importlib.util.spec_from_file_location("cffi_build", PACKAGE / "engine" / "cffi_build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    externs = build.trampolines(build.declarations)
    for notification in events.NOTIFICATIONS:
        assert f"timconv_on_{notification.callback_type}(" in externs
    assert "timconv_on_TIMCommCallback(" in externs
