"""Types of ``timconv_nb._conv_columns``, the listing decoder (``engine/columns/conv_columns.c``)."""

#: The frame's columns, in the order of decode's lists (conversation_columns.COLUMNS' names).
COLUMNS: tuple[str, ...]

def decode(text: str | bytes, /) -> tuple[tuple[list[object], ...], list[tuple[str, int]]]:
    """A ConvInfo array's JSON as one list per name in COLUMNS, and the (column, row) places
    holding a message dict whose text is left to model.message_text. ValueError for a document
    this decoder does not take."""
