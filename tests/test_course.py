"""The course's exercises, checked both ways: each exercise's solution (in its notebook, folded)
passes its check, and the wrong answer declared beside the check fails with its hint.

The solutions pass where nbval runs the notebooks (the stored output of the check after each
solution is ✓, and nbval holds every run to it); here the notebook runs once more with every
solution replaced by its exercise's wrong answer, and each check after them must show ✗ with the
declared hint."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO
from timconv_nb import declarations
from timconv_nb.course import exercises

NOTEBOOKS = REPO / "notebooks"
EXERCISES = exercises.declared()
#: Notebooks that are no lesson of their own: the course's index.
WITHOUT_EXERCISES = {"00-index"}
CHECK = re.compile(r"""^check\(["']([\w.]+)["']""")


def cells_of(notebook: str) -> list:
    return nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4).cells


def text_of(cell) -> str:
    return "".join(output.get("data", {}).get("text/plain", "") for output in cell.get("outputs", []))


def checks_after(cells: list, index: int, exercise_id: str) -> int:
    """The index of the first ``check(<id>)`` cell after cell ``index``."""
    for later in range(index + 1, len(cells)):
        match = CHECK.match(cells[later].source.splitlines()[-1] if cells[later].source else "")
        if cells[later].cell_type == "code" and match and match.group(1) == exercise_id:
            return later
    raise AssertionError(f"no check({exercise_id!r}) after cell {index}")


def roles(cells: list) -> dict[tuple[str, str], int]:
    """(exercise id, role) -> the index of its cell."""
    found: dict[tuple[str, str], int] = {}
    for index, cell in enumerate(cells):
        if "exercise" in cell.metadata:
            key = (cell.metadata["exercise"], cell.metadata["role"])
            assert key not in found, f"two cells are {key}"
            found[key] = index
    return found


def test_the_course_has_two_exercises_or_more_per_notebook_and_twenty_in_all() -> None:
    counts = Counter(e.notebook for e in EXERCISES.values())
    course = {path.stem for path in NOTEBOOKS.glob("*.ipynb")} - WITHOUT_EXERCISES
    assert set(counts) <= course, f"exercises of notebooks that do not exist: {set(counts) - course}"
    assert {notebook: counts[notebook] for notebook in course if counts[notebook] < 2} == {}
    assert len(EXERCISES) >= 20


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_each_exercise_is_an_attempt_a_check_a_folded_solution_and_a_check(exercise_id: str) -> None:
    declared = EXERCISES[exercise_id]
    cells = cells_of(declared.notebook)
    found = roles(cells)
    attempt, solution = found[(exercise_id, "attempt")], found[(exercise_id, "solution")]
    first_check, second_check = checks_after(cells, attempt, exercise_id), checks_after(cells, solution, exercise_id)
    assert attempt < first_check < solution < second_check
    folded = cells[solution]
    assert folded.metadata.get("jupyter", {}).get("source_hidden") is True  # folded in JupyterLab
    assert {"solution", "hide-input"} <= set(folded.metadata.get("tags", []))  # and in the book
    if declared.is_program:
        magic = f"%%tim_c{' --cpp' if declared.language == 'c++' else ''} --name {exercise_id}"
        assert cells[attempt].source.startswith(magic) and folded.source.startswith(magic)
    # As stored (and as nbval runs them): the attempt does not pass yet, the solution does.
    assert text_of(cells[first_check]).startswith(f"✗ Exercise {exercise_id}")
    assert text_of(cells[second_check]) == f"✓ Exercise {exercise_id} · {declared.title}: correct."


def skipped_by_nbval(cell) -> bool:
    """A cell nbval never runs (``# NBVAL_SKIP``, or the ``nbval-skip`` tag): in 13, the cells that
    need Tencent's own library and service, which no test may run."""
    return cell.cell_type == "code" and ("NBVAL_SKIP" in cell.source or "nbval-skip" in cell.metadata.get("tags", []))


def with_wrong_answers(notebook: str) -> nbformat.NotebookNode:
    """The notebook with each exercise's solution replaced by the exercise's wrong answer, without
    the cells nbval skips."""
    node = nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    node.cells = [cell for cell in node.cells if not skipped_by_nbval(cell)]
    for cell in node.cells:
        if cell.metadata.get("role") == "solution":
            declared = EXERCISES[cell.metadata["exercise"]]
            first_line = cell.source.splitlines()[0]
            cell.source = (first_line + "\n" + declared.wrong.strip("\n")) if declared.is_program else declared.wrong
    return node


@pytest.mark.parametrize("notebook", sorted({e.notebook for e in EXERCISES.values()}))
def test_wrong_answers_fail_with_their_hints(notebook: str, tmp_path: Path) -> None:
    node = with_wrong_answers(notebook)
    NotebookClient(node, timeout=120, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    found = roles(node.cells)
    for (exercise_id, role), index in found.items():
        if role != "solution":
            continue
        verdict = text_of(node.cells[checks_after(node.cells, index, exercise_id)])
        assert verdict.startswith(f"✗ Exercise {exercise_id}"), f"{exercise_id}: the wrong answer passed: {verdict}"
        assert EXERCISES[exercise_id].wrong_hint in verdict, f"{exercise_id}: {verdict}"


def test_every_function_of_the_conversation_header_is_taught_in_c_with_its_output() -> None:
    """Each function of TIMConversationManager.h is called in a %%tim_c cell of the course that
    ran and shows what it printed."""
    functions = [f.name for f in declarations.read().functions.values() if f.header == "TIMConversationManager.h"]
    assert len(functions) == 30  # the vendor's header: 8 callback setters and 22 calls
    shown: set[str] = set()
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and cell.source.startswith("%%tim_c") and text_or_stream(cell):
                shown |= {name for name in functions if re.search(rf"\b{name}\s*\(", cell.source)}
    assert sorted(set(functions) - shown) == []


def text_or_stream(cell) -> str:
    """What a code cell showed: its streams and its results' text."""
    return "".join(output.get("text", "") for output in cell.get("outputs", [])) + text_of(cell)


def test_each_notebook_tables_the_c_and_electron_calls_of_the_client_methods_it_uses() -> None:
    """Beside each Client method a notebook calls, its C function and its Electron method: the
    notebook's ``call_table`` output (made from ``.c_function`` and the Electron extract) lists
    every method with a C call that its code uses."""
    from timconv_nb import Client

    c_methods = {name for name, value in vars(Client).items() if hasattr(value, "c_function")}
    missing: dict[str, list[str]] = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        used = {name for c in cells for name in re.findall(r"\bclient\.(\w+)\(", c.source)} & c_methods
        used = {name.removesuffix("_async") for name in used}
        tabled = "".join(text_of(c) + "".join(o.get("data", {}).get("text/html", "") for o in c.get("outputs", []))
                         for c in cells if "call_table" in c.source)
        absent = sorted(name for name in used if f"{name}(" not in tabled)
        if absent:
            missing[path.stem] = absent
    assert missing == {}
