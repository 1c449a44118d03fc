"""The book: ``bash .ci/book``'s build (Sphinx with MyST-NB, every warning an error, the links
between its pages checked) of the course's notebooks and docs/, opened in headless Chromium as a
reader does: from the front page to a C notebook, where a C cell's output and an exercise (its
check, its folded solution) are on the page, and the search finds a C function."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from _jupyter import CHROMIUM, chromium  # noqa: E402

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed (.ci/setup installs it)")


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book")
    built = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
                            "-c", "docs", ".", str(out / "html")], cwd=REPO, capture_output=True, text=True,
                           timeout=600)
    assert built.returncode == 0, built.stderr[-5000:]
    return out / "html"


def test_every_notebook_and_doc_is_a_page(book: Path) -> None:
    pages = {path.relative_to(book).as_posix() for path in book.rglob("*.html")}
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        assert f"notebooks/{notebook.stem}.html" in pages
    for doc in (REPO / "docs").glob("*.md"):
        assert f"docs/{doc.stem}.html" in pages


def test_a_reader_finds_a_c_cells_output_and_an_exercise(book: Path) -> None:
    from playwright.sync_api import expect

    with chromium() as (page, alerts):
        page.goto((book / "index.html").as_uri())
        page.get_by_role("link", name="02 · Your first C program").first.click()
        expect(page.get_by_role("heading", level=1, name="02 · Your first C program")).to_be_visible()
        # A %%tim_c cell: its C source, and what the program printed when it ran.
        cell = page.locator(".cell").filter(has_text="TIMLogin(\"alice\"").first
        expect(cell.locator(".cell_output")).to_contain_text("callback code 0, on main's thread: no")
        # An exercise: the check of the unfinished attempt, then the folded solution and its check.
        expect(page.locator(".cell_output").filter(has_text="✗ Exercise 2.1").first).to_be_visible()
        expect(page.locator(".cell_output").filter(has_text="✓ Exercise 2.1").first).to_be_visible()
        solution = page.locator("details.hide").filter(has_text="course_done();").first
        expect(solution.locator(".cell_input")).to_be_hidden()  # folded until the reader opens it
        solution.locator("summary").click()
        expect(solution.locator(".cell_input")).to_be_visible()

        page.goto((book / "search.html").as_uri() + "?q=TIMConvPinConversation")
        expect(page.locator("#search-results")).to_contain_text("Conversations in C", timeout=20_000)
    assert alerts == []
