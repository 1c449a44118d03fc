"""``python -m timconv_nb --version``: the package's version, the engine it loads (and from
where), and the SQLite that engine runs on."""

from __future__ import annotations

import argparse
import sys
from typing import Optional

from . import __version__
from .native import open_library


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timconv_nb", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="store_true", help="print the versions and the engine's path")
    args = parser.parse_args(argv)
    if not args.version:
        parser.print_help()
        return 0
    library = open_library()
    sys.stdout.write(f"timconv_nb {__version__}\nengine: {library.version()} ({library.path})\n"
                     f"SQLite: {library.sqlite_version() or 'not the local engine'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
