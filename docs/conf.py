"""The book: the course's notebooks and these docs as one site (``bash .ci/book``).

Sphinx reads the checkout's root (``-c docs .``) but only the docs and the notebooks
(``include_patterns``), so that the links between them stay those of the repository. The notebooks
are shown with their stored outputs, which nbval holds true in CI; nothing is executed here.
"""

from pathlib import Path

import tomllib
from IPython.lib.lexers import IPython3Lexer
from pygments.lexer import Lexer
from pygments.lexers import CLexer, CppLexer
from pygments.token import Keyword

_ROOT = Path(__file__).resolve().parent.parent
_PROJECT = tomllib.loads((_ROOT / "pyproject.toml").read_text())["project"]

project = "timconv_nb"
author = "the timconv_nb maintainers"
release = version = next(line.split('"')[1] for line in (_ROOT / "timconv_nb" / "__init__.py").read_text().splitlines()
                         if line.startswith("__version__"))
root_doc = "docs/index"
include_patterns = ["docs/**", "notebooks/*.ipynb"]
exclude_patterns = ["docs/conf.py", "build", ".venv"]

extensions = ["myst_nb"]
nb_execution_mode = "off"  # the stored outputs, which nbval checks
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3  # links to sections of a page (#the-book) resolve, and are checked
nitpicky = True

html_theme = "sphinx_book_theme"
html_title = "timconv_nb: Tencent Cloud Chat's C API, a course"
html_theme_options = {
    "repository_url": _PROJECT["urls"]["Repository"],
    "use_repository_button": True,
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
    "path_to_docs": "",
}
html_static_path: list = []
html_extra_path = ["book"]  # index.html at the site's root, leading to docs/index.html


class NotebookCellLexer(Lexer):
    """The notebooks' code cells (``ipython3``, or ``python`` where a notebook's metadata names no
    lexer): a ``%%tim_c`` cell is C (with ``--cpp``, C++) after its magic line, everything else
    IPython, which lexes plain Python too."""

    name = "ipython3"
    aliases = ["ipython3"]

    def get_tokens_unprocessed(self, text: str):
        if not text.startswith("%%tim_c"):
            yield from IPython3Lexer().get_tokens_unprocessed(text)
            return
        magic, _, program = text.partition("\n")
        yield 0, Keyword, magic + "\n"
        lexer = CppLexer() if "--cpp" in magic.split() else CLexer()
        for index, token, value in lexer.get_tokens_unprocessed(program):
            yield len(magic) + 1 + index, token, value


def setup(app):
    for language in ("ipython3", "python"):
        app.add_lexer(language, NotebookCellLexer)
