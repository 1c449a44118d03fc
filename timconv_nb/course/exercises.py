"""The course's exercises and their self-checks.

An exercise is declared once, with :func:`exercise`, in the module of its notebook under
``timconv_nb/course/checks/`` (each module found there is loaded on the first check): its id
(``"02.1"``: notebook 02, first exercise), what it asks, the check of an answer, and a wrong
answer that CI feeds to the check to see it fail with the hint. In its notebook an exercise is
four cells: the learner's attempt (a ``%%tim_c --name <id>`` skeleton, or Python),
``check("<id>")``, the solution (folded), and ``check("<id>")`` again (``docs/course.md``).
``tests/test_course.py`` runs every check both ways.

A check raises :class:`Unmet` with what is wrong and a hint at why; :func:`check` shows the
verdict in the cell (✓, or ✗ with both). A C exercise's answer is its kept run
(:func:`~timconv_nb.course.last_run`); a Python exercise's is the value the learner passes.
"""

from __future__ import annotations

import html
import importlib
import json
import pkgutil
import re
from dataclasses import dataclass
from typing import Any, Callable

from .session import RunResult, last_run

__all__ = ["Exercise", "Unmet", "Verdict", "EXERCISES", "check", "declared", "exercise", "json_after", "lines_matching",
           "ran", "uses"]


class Unmet(Exception):
    """The answer does not do what the exercise asks: ``what`` is wrong, ``hint`` says why."""

    def __init__(self, what: str, hint: str) -> None:
        super().__init__(what)
        self.what = what
        self.hint = hint


@dataclass(frozen=True)
class Exercise:
    """One exercise: its id, notebook and title; the check of an answer (raises :class:`Unmet`);
    ``wrong``, an answer that must fail (C or Python source, as the attempt cell holds it), and
    ``wrong_hint``, a part of the hint the check must give for it."""

    id: str
    notebook: str
    title: str
    language: str  # "c", "c++" or "python"
    check: Callable[[Any], None]
    wrong: str
    wrong_hint: str

    @property
    def is_program(self) -> bool:
        return self.language in ("c", "c++")


#: Every exercise, by id: filled by the modules of ``checks/`` (see :func:`declared`).
EXERCISES: dict[str, Exercise] = {}


def declared() -> dict[str, Exercise]:
    """Every exercise of the course, its checks' modules loaded."""
    from . import checks

    for module in pkgutil.iter_modules(checks.__path__):
        importlib.import_module(f"{checks.__name__}.{module.name}")
    return EXERCISES


def exercise(id: str, notebook: str, title: str, language: str, wrong: str,
             wrong_hint: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    """Declares the decorated function as the check of exercise ``id``."""

    def declare(check_answer: Callable[[Any], None]) -> Callable[[Any], None]:
        if id in EXERCISES:
            raise ValueError(f"exercise {id} is declared twice")
        EXERCISES[id] = Exercise(id, notebook, title, language, check_answer, wrong, wrong_hint)
        return check_answer

    return declare


@dataclass(frozen=True)
class Verdict:
    """What :func:`check` found: shown as a line of text, or a coloured box in a notebook."""

    exercise: Exercise
    passed: bool
    what: str = ""
    hint: str = ""

    def __repr__(self) -> str:
        head = f"Exercise {self.exercise.id} · {self.exercise.title}"
        if self.passed:
            return f"✓ {head}: correct."
        return f"✗ {head}: not yet.\n  What is wrong: {self.what}\n  Hint: {self.hint}"

    def _repr_html_(self) -> str:
        head = _marked_up(f"Exercise {self.exercise.id} · {self.exercise.title}")
        if self.passed:
            return (f"<div class='tc-check tc-check-pass' style='border-left:4px solid #1a7f37;padding:4px 8px'>"
                    f"✓ <b>{head}</b>: correct.</div>")
        return (f"<div class='tc-check tc-check-fail' style='border-left:4px solid #cf222e;padding:4px 8px'>"
                f"✗ <b>{head}</b>: not yet.<br><b>What is wrong:</b> {_marked_up(self.what)}"
                f"<br><b>Hint:</b> {_marked_up(self.hint)}</div>")


def _marked_up(text: str) -> str:
    """Text as HTML, escaped, its `code` spans shown as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def check(exercise_id: str, answer: Any = None) -> Verdict:
    """Checks an answer to exercise ``exercise_id``: a C exercise's kept run (``%%tim_c --name
    <id>``; ``answer`` None), a Python exercise's value (``answer``)."""
    exercises = declared()
    try:
        declared_exercise = exercises[exercise_id]
    except KeyError:
        raise LookupError(f"no exercise {exercise_id!r}: the course has {', '.join(sorted(exercises))}") from None
    if declared_exercise.is_program and answer is None:
        try:
            answer = last_run(exercise_id)
        except LookupError:
            return Verdict(declared_exercise, False, "your program has not run yet",
                           f"run the exercise's %%tim_c --name {exercise_id} cell first")
    try:
        declared_exercise.check(answer)
    except Unmet as unmet:
        return Verdict(declared_exercise, False, unmet.what, unmet.hint)
    return Verdict(declared_exercise, True)


# ---- what C exercises' checks share ----

def ran(run: RunResult) -> list[str]:
    """The program's output lines, once it compiled and ran to a clean exit (else Unmet, with the
    hint that fits how it ended)."""
    if not run.compiled:
        raise Unmet("the program did not compile", "read the compiler's first error: its line number is the "
                    "cell's own line")
    waited_in_vain = "course_wait: " in run.stderr
    if run.exit_status == 0 and not waited_in_vain:
        return run.stdout.splitlines()
    if run.timed_out:
        raise Unmet(run.outcome, "a loop that never ends, or a wait for a callback that never comes: print what "
                    "each call returns, and check that each callback calls course_done()")
    if run.signal is not None:
        raise Unmet(run.outcome, "the program crashed: a NULL pointer, a string that is not NUL-terminated, or a "
                    "buffer shorter than the 128 bytes an id needs")
    if waited_in_vain:
        raise Unmet("a course_wait gave up: fewer callbacks came than it waited for (its line on stderr says how "
                    "many)", "a refused call (non-zero return code) never calls back, and a callback counts only "
                    "when it calls course_done(): print what each call returns")
    raise Unmet(run.outcome, "main returned that status itself: find the `return` that gives it (often a call "
                "that returned a non-zero TIMResult, or a course_wait that gave up)")


def lines_matching(lines: list[str], pattern: str) -> list[re.Match[str]]:
    """The matches of ``pattern`` at the start of each line, in order."""
    compiled = re.compile(pattern)
    return [m for m in (compiled.match(line) for line in lines) if m is not None]


def json_after(line: str, label: str) -> Any:
    """The JSON a line prints after ``label`` (Unmet when it does not parse)."""
    text = line.split(label, 1)[1].strip() if label in line else ""
    try:
        return json.loads(text)
    except ValueError:
        raise Unmet(f"the line {line!r} does not end with the callback's JSON",
                    "print json_params exactly as the callback received it") from None


def uses(run: RunResult, *functions: str) -> None:
    """The program's source calls each of ``functions`` (Unmet names the first missing)."""
    for function in functions:
        if not re.search(rf"\b{function}\s*\(", run.source):
            raise Unmet(f"the program never calls {function}", f"the exercise is about {function}: call it")

