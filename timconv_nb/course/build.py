"""Compiling a cell: the cell's source as the learner wrote it, against the engine's headers and
library, with the course's support objects linked in.

The source is written into ``cell.c`` (or ``cell.cpp``) after one empty line, which stands for the
``%%tim_c`` line, and compiled from its own folder under that relative name: the compiler's
messages name ``cell.c:LINE:COLUMN`` with the line numbers the notebook shows beside the cell
(the magic's line is line 1) and no temporary path. Compiling (``-c``, with ``-g``) and linking
are two steps, so a link error names ``cell.o`` and, from the debug information, the cell's line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

from .. import native

__all__ = ["Built", "CompileError", "Language", "Toolchain", "C", "CPP", "course_include", "strip_colours"]

#: The compiler's colours are kept for the notebook (it renders them) and removed from the text
#: kept for exercise checks.
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: gcc follows each colour with "erase to the end of the line", for terminals: not for a notebook.
_ERASE_LINE = re.compile(r"\x1b\[K")
_ERROR_LINE = re.compile(r"^cell\.c(?:pp)?:(\d+):\d+: (?:fatal )?error:", re.MULTILINE)
_LINK_ERROR = re.compile(r"undefined reference to|multiple definition of|ld returned")
#: Flags every cell is compiled with: the language's standard, every warning the course asks for,
#: glibc's default feature set (POSIX: sleep, fork, pthreads, which -std=c11 alone hides),
#: debug information for the linker's messages, and colours without terminal hyperlinks.
_COMMON_FLAGS = ["-Wall", "-Wextra", "-g", "-pthread", "-D_DEFAULT_SOURCE",
                 "-fdiagnostics-color=always", "-fdiagnostics-urls=never"]
_SUPPORT_SOURCES = ("process.c", "wait.c")


def strip_colours(text: str) -> str:
    """The compiler's text without its colour codes."""
    return _ANSI.sub("", text)


def course_include() -> str:
    """The folder holding ``timconv_course.h`` and ``timconv_json.h``."""
    return str(resources.files(__package__) / "include")


@dataclass(frozen=True)
class Language:
    """How a cell of one language is compiled."""

    name: str
    compiler: str
    suffix: str
    standard: str
    #: what the compiler is missing from, for the message when it is not installed
    package: str


C = Language("C11", "gcc", ".c", "-std=c11", "gcc")
CPP = Language("C++11", "g++", ".cpp", "-std=c++11", "g++")


@dataclass(frozen=True)
class Built:
    """A program that compiled, and the compiler's warnings (with colours; "" when none)."""

    program: Path
    warnings: str


class CompileError(Exception):
    """The cell did not compile or link: ``diagnostics`` is the compiler's text (with colours),
    the message a one-line summary naming the cell's first error line."""

    def __init__(self, summary: str, diagnostics: str) -> None:
        super().__init__(summary)
        self.diagnostics = diagnostics


def _summary(language: Language, diagnostics: str) -> str:
    plain = strip_colours(diagnostics)
    lines = sorted({int(found) for found in _ERROR_LINE.findall(plain)})
    if lines:
        count = len(_ERROR_LINE.findall(plain))
        where = f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines[:5]))}"
        errors = f"{count} error{'s' if count > 1 else ''}"
        return f"the {language.name} program did not compile: {errors}, at {where} of the cell"
    if _LINK_ERROR.search(plain):
        return f"the {language.name} program did not link: see the linker's message above"
    return f"the {language.name} program did not compile: see the compiler's messages above"


class Toolchain:
    """Compiles the course's support objects once, into ``work`` (a folder of the session's),
    then each cell in a folder of its own."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self._support: Optional[list[Path]] = None

    def _compiler(self, language: Language) -> str:
        found = shutil.which(language.compiler)
        if found is None:
            raise CompileError(f"{language.compiler} was not found: install it "
                               f"(Debian: apt-get install {language.package})", "")
        return found

    def _json_flags(self) -> tuple[list[str], list[str]]:
        """jsoncpp's compile and link flags (pkg-config, else Debian's layout)."""
        pkg_config = shutil.which("pkg-config")
        if pkg_config is not None:
            found = subprocess.run([pkg_config, "--cflags", "--libs", "jsoncpp"], capture_output=True, text=True)
            if found.returncode == 0:
                flags = found.stdout.split()
                return [f for f in flags if not f.startswith("-l")], [f for f in flags if f.startswith("-l")]
        if not Path("/usr/include/jsoncpp/json/json.h").is_file():
            raise CompileError("jsoncpp was not found: install it (Debian: apt-get install libjsoncpp-dev)", "")
        return ["-I/usr/include/jsoncpp"], ["-ljsoncpp"]

    def support_objects(self) -> list[Path]:
        """The course's support objects (support/*.c), compiled once per session."""
        if self._support is None:
            compiler = self._compiler(C)
            objects = []
            for name in _SUPPORT_SOURCES:
                with resources.as_file(resources.files(__package__) / "support" / name) as source:
                    target = self.work / name.replace(".c", ".o")
                    result = subprocess.run([compiler, C.standard, "-Wall", "-Wextra", "-O1",
                                             f"-I{course_include()}", "-c", str(source), "-o", str(target)],
                                            capture_output=True, text=True)
                if result.returncode != 0:  # the package's own C: a broken installation, not the learner's code
                    raise RuntimeError(f"the course's support code did not compile:\n{result.stderr}")
                objects.append(target)
            self._support = objects
        return self._support

    def build(self, source: str, language: Language, folder: Path) -> Built:
        """Compiles ``source`` in ``folder``; raises CompileError with the compiler's messages."""
        compiler = self._compiler(language)
        include = [f"-I{native.get_include()}", f"-I{course_include()}"]
        library = Path(native.library_path())
        links = [f"-L{library.parent}", "-ltimconv", f"-Wl,-rpath,{library.parent}"]
        if language is CPP:
            json_compile, json_link = self._json_flags()
            include += json_compile
            links += json_link
        support = self.support_objects()
        cell = f"cell{language.suffix}"
        (folder / cell).write_text("\n" + source, encoding="utf-8")  # line 1: the %%tim_c line
        steps = [
            [compiler, language.standard, *_COMMON_FLAGS, *include, "-c", cell, "-o", "cell.o"],
            [compiler, *_COMMON_FLAGS, "cell.o", *map(str, support), *links, "-o", "program"],
        ]
        messages = ""
        for command in steps:
            result = subprocess.run(command, cwd=folder, capture_output=True, text=True, errors="replace")
            # the link step names the support objects by path: shown relative to the session
            text = _ERASE_LINE.sub("", result.stdout + result.stderr)
            messages += text.replace(f"{folder}/", "").replace(f"{self.work}/", "")
            if result.returncode != 0:
                raise CompileError(_summary(language, messages), messages)
        return Built(folder / "program", messages)
