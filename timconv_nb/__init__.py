"""timconv_nb: Tencent Cloud Chat's conversation C API as a Jupyter experience."""

__version__ = "0.1.0"
