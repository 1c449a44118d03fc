"""The local engine's C sources, headers and cffi declarations (data, not Python code)."""
