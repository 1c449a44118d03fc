"""C and C++ programs against the engine: its own test program (linked against the installed
library, and rebuilt from source under AddressSanitizer + UndefinedBehaviorSanitizer and under
ThreadSanitizer), the seed document's C++ examples, and the headers as C11 and C++11."""

from __future__ import annotations

import os
import re
import subprocess
import sysconfig
from pathlib import Path
from typing import Callable

import pytest

from conftest import ENGINE, REPO
from timconv_nb import declarations, native

C_TESTS = REPO / "tests" / "c"
ENGINE_SOURCES = sorted((ENGINE / "src").rglob("*.c"))
#: What a build of the engine from its sources includes: the public headers, the source root (its
#: files include each other by layer, "store/store.h"), and the engine's own sqlite3.h.
ENGINE_INCLUDES = [f"-I{ENGINE / 'include'}", f"-I{ENGINE / 'src'}", f"-I{ENGINE / 'third_party' / 'sqlite'}"]
WARNINGS = ["-Wall", "-Wextra", "-Werror"]
#: The binding's own C (compiled into timconv_nb._callbacks): the completions of calls.
BINDING_C = ENGINE / "completions"
BINDING_SOURCES = sorted(BINDING_C.glob("*.c"))
#: The vendor listing's decoder (timconv_nb._conv_columns): its sources, yyjson as it compiles it
#: (decoder_yyjson.c), and what they include.
DECODER_SOURCES = [*sorted((ENGINE / "columns").glob("*.c")), ENGINE / "third_party" / "decoder_yyjson.c"]
DECODER_INCLUDES = [f"-I{ENGINE / 'include'}", f"-I{ENGINE / 'columns'}", f"-I{ENGINE / 'third_party' / 'yyjson'}"]
#: The limited API the decoder is built on (setup.py's STABLE_ABI_VERSION: CPython 3.9's stable ABI).
DECODER_DEFINES = ["-DPy_LIMITED_API=0x03090000"]
#: The sanitizer builds of the C programs: (name, compiler flags, the run's environment).
ASAN_UBSAN = ("asan-ubsan", ["-fsanitize=address,undefined", "-fno-sanitize-recover=undefined"],
              {"ASAN_OPTIONS": "detect_leaks=1:abort_on_error=1", "UBSAN_OPTIONS": "print_stacktrace=1"})
TSAN = ("tsan", ["-fsanitize=thread"], {"TSAN_OPTIONS": "halt_on_error=1"})


def build(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stderr}"


def run(binary: Path, data: Path, env: dict | None = None, *args: str) -> str:
    data.mkdir()
    result = subprocess.run([str(binary), str(data), *args], capture_output=True, text=True, timeout=600,
                            cwd=binary.parent, env={**os.environ, **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "failed" in result.stdout and " 0 failed" in result.stdout, result.stdout
    return result.stdout + result.stderr


def link_installed() -> list[str]:
    library = Path(native.library_path())
    return [f"-I{native.get_include()}", str(library), f"-Wl,-rpath,{library.parent}"]


def test_engine_test_program_against_installed_library(tmp_path: Path) -> None:
    binary = tmp_path / "test_engine"
    build(["gcc", "-std=c11", *WARNINGS, f"-I{C_TESTS}", str(C_TESTS / "test_engine.c"), *link_installed(),
           "-lsqlite3", "-lcrypto", "-lz", "-lpthread", "-lm", "-o", str(binary)])
    out = run(binary, tmp_path / "data")
    assert re.search(r"test_engine: \d+ checks, \d+ passed, 0 failed", out)


@pytest.mark.parametrize("sanitizer,flags,env", [ASAN_UBSAN, TSAN])
def test_engine_test_program_under_sanitizers(tmp_path: Path, sanitizer: str, flags: list[str], env: dict,
                                               engine_sqlite: Callable[..., Path]) -> None:
    binary = tmp_path / f"test_engine_{sanitizer}"
    build(["gcc", "-std=c11", "-g", "-O1", "-fno-omit-frame-pointer", *WARNINGS, *flags,
           *ENGINE_INCLUDES, f"-I{C_TESTS}", str(C_TESTS / "test_engine.c"),
           *map(str, ENGINE_SOURCES), str(engine_sqlite(*flags)),
           "-lcrypto", "-lz", "-lpthread", "-lm", "-o", str(binary)])
    out = run(binary, tmp_path / "data", env)
    assert "ERROR: AddressSanitizer" not in out and "runtime error" not in out and "WARNING: ThreadSanitizer" not in out


@pytest.mark.parametrize("sanitizer,flags,env", [ASAN_UBSAN, TSAN])
def test_completions_program_under_sanitizers(tmp_path: Path, sanitizer: str, flags: list[str], env: dict,
                                              engine_sqlite: Callable[..., Path]) -> None:
    """The binding's completions (completions/: the answer queue, the waiter, reply.c) against the
    engine built from source: sends answered into a queue an owner thread takes from as its
    eventfd wakes it, a refused call's ticket, partial takes, a queue closed with calls pending;
    copied and lent replies, a lending waiter that timed out, waiters on several threads
    (tests/c/test_completions.c)."""
    binary = tmp_path / f"test_completions_{sanitizer}"
    build(["gcc", "-std=c11", "-g", "-O1", "-fno-omit-frame-pointer", *WARNINGS, *flags,
           *ENGINE_INCLUDES, f"-I{BINDING_C}", f"-I{C_TESTS}", str(C_TESTS / "test_completions.c"),
           *map(str, BINDING_SOURCES), *map(str, ENGINE_SOURCES), str(engine_sqlite(*flags)),
           "-lcrypto", "-lz", "-lpthread", "-lm", "-o", str(binary)])
    out = run(binary, tmp_path / "data", env)
    assert re.search(r"test_completions: \d+ checks, \d+ passed, 0 failed", out)
    assert "ERROR: AddressSanitizer" not in out and "runtime error" not in out and "WARNING: ThreadSanitizer" not in out


def test_seed_cpp_examples_compile_unchanged_and_run(tmp_path: Path) -> None:
    binary = tmp_path / "seed_examples"
    build(["g++", "-std=c++11", "-Wall", "-I/usr/include/jsoncpp", str(C_TESTS / "seed_examples.cpp"),
           *link_installed(), "-ljsoncpp", "-lpthread", "-o", str(binary)])
    out = run(binary, tmp_path / "data")
    assert re.search(r"seed_examples: \d+ passed, 0 failed", out)


@pytest.mark.parametrize("compiler,std", [("gcc", "-std=c11"), ("g++", "-std=c++11")])
def test_headers_compile_cleanly(tmp_path: Path, compiler: str, std: str) -> None:
    source = tmp_path / ("use.c" if compiler == "gcc" else "use.cpp")
    source.write_text(
        '#include "TIMCloud.h"\n'
        "int use(void);\n"
        "int use(void) {\n"
        "    TIMConvType type = kTIMConv_C2C;\n"
        "    TIMLoginStatus status = TIMGetLoginStatus();\n"
        "    return (int)type + (int)status + (kTIMConvId[0] == 'c') + ERR_INVALID_CONVERSATION;\n"
        "}\n"
        # The constants vendor code uses, used as the vendor's examples use them (keys of JSON it
        # builds or reads): such code must compile against the engine's headers.
        "const char *vendor_keys(int i);\n"
        "const char *vendor_keys(int i) {\n"
        "    const char *keys[] = {kTIMConvC2CReadTimestamp, kTIMConvGroupReadSequence,\n"
        "        kTIMMsgGetMsgListParamIsRamble, kTIMMsgSenderProfile, kTIMSdkConfigMainThreadID, kTIMMsgIsOnlineMsg,\n"
        "        kTIMMsgIsExcludedFromUnreadCount,\n"
        "        kTIMMsgExcludedFromLastMessage, kTIMMsgGroupAtUserArray, kImSDK_MessageAtALL,\n"
        "        kTIMRequestInternalOperation, kTIMInternalOperationWriteLog, kTIMRequestWriteLogLogContentParam};\n"
        "    return keys[i % (int)(sizeof keys / sizeof keys[0])];\n"
        "}\n"
        "int vendor_call(TIMCommCallback cb);\n"
        "int vendor_call(TIMCommCallback cb) { return callExperimentalAPI(\"{}\", cb, 0); }\n"
        # TIMGroupManager.h, included by TIMCloud.h as the vendor's is, and the message lifecycle.
        "static void on_tip(const char *tip, const void *user_data) { (void)tip; (void)user_data; }\n"
        "int group_call(TIMCommCallback cb);\n"
        "int group_call(TIMCommCallback cb) {\n"
        "    TIMGroupTipsEventCallback tips = on_tip;\n"
        "    TIMSetGroupTipsEventCallback(tips, 0);\n"
        "    int type = kTIMGroup_Public + kTIMMemberRole_Owner + kTIMGroupTip_Quit + kTIMGroupReport_Delete;\n"
        "    const char *keys[] = {kTIMCreateGroupParamGroupName, kTIMGroupBaseInfoSelfInfo, kTIMMsgLocatorSeq,\n"
        "        kTIMMsgDeleteParamMsg, kTIMGroupTipsElemUserArray};\n"
        "    return type + (keys[0][0] == 'c') + TIMGroupJoin(\"g\", 0, cb, 0)\n"
        "        + TIMMsgRevoke(\"g\", kTIMConv_Group, \"{}\", cb, 0)\n"
        "        + ERR_SVR_GROUP_NOT_FOUND;\n"
        "}\n"
    )
    build([compiler, std, "-pedantic", *WARNINGS, f"-I{native.get_include()}", "-c", str(source),
           "-o", str(tmp_path / "use.o")])


def test_the_decoder_keeps_to_the_limited_api() -> None:
    """The listing decoder compiles against CPython's limited API of 3.9, as setup.py builds it for
    the abi3 wheel, warnings as errors: anything outside that API (a macro such as
    PyList_SET_ITEM) is an implicit declaration. (abi3audit, in the wheel test, sees only the
    symbols the build links to, not the macros that read CPython's structs.)"""
    build(["gcc", "-std=c11", "-fsyntax-only", *WARNINGS, f"-I{sysconfig.get_paths()['include']}",
           *DECODER_DEFINES, *DECODER_INCLUDES, *map(str, DECODER_SOURCES)])


def test_engine_library_has_no_python_dependency() -> None:
    dynamic = subprocess.run(["readelf", "-d", native.library_path()], capture_output=True, text=True, check=True)
    # SQLite is the engine's own, inside it: whatever SQLite the host process loads is not the engine's.
    assert "libpython" not in dynamic.stdout and "libsqlite3" not in dynamic.stdout
    symbols = subprocess.run(["nm", "-D", native.library_path()], capture_output=True, text=True, check=True).stdout
    assert not re.search(r"\bPy\w+", symbols)
    exported = set(re.findall(r" T (\w+)", symbols))
    assert {"TIMInit", "TIMConvCreate", "TIMConvSetDraft"} <= exported
    # Only the declared API is exported: the vendor's functions and the engine's timconv_ extensions.
    declared = set(declarations.read().functions)
    assert exported <= declared, exported - declared
