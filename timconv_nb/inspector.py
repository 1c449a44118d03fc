"""Kept only until the notebooks (and tests/test_security.py) import CallInspector from
:mod:`timconv_nb.widgets`, where it now lives; then this module goes."""

from .widgets.inspector import CallInspector

__all__ = ["CallInspector"]
