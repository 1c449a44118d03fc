"""A table widget for long, live lists: every row reachable by scrolling (only the rows in view
are in the page), sortable by any column, following JupyterLab's theme, named for screen
readers (ARIA grid roles and ``aria-sort``) and driven by keyboard.

It is an anywidget: the front end is a small ES module shipped in the package
(``static/table.js`` and ``static/table.css``), loaded by JupyterLab, Notebook 7 and VS Code
alike, with no build step and no comm code of ours.

The kernel owns the rows and their order (:class:`RowOrder`). Each view of the widget tells the
kernel which rows it shows (its window), and the kernel sends that view only what changed in its
window (:class:`ViewWindows`): after an event, the rows it moved or changed; after a sort, the
rows in view. The whole list never crosses to the browser.

Lock: ``DataTable._lock`` guards the order and the windows, and is held while a patch is sent,
so patches reach each view in the order they were made. Row changes arrive on the engine's
thread, window requests and header clicks on the kernel's.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import pathlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import anywidget
import traitlets

__all__ = ["Column", "RowOrder", "ViewWindows", "DataTable", "SORT_DIRECTIONS"]

log = logging.getLogger(__name__)

STATIC = pathlib.Path(__file__).parent / "static"

#: The values of ``DataTable.sort_direction``: the default order, then either way by a column.
SORT_DIRECTIONS = ("", "ascending", "descending")

#: Cell kinds the front end knows how to draw ("face": a [text, picture URL] pair, the picture an
#: http(s) URL or "").
CELL_KINDS = ("text", "number", "badge", "flag", "status", "face")
#: A row's place in an order: a tuple its owner makes (or a column's value and that tuple),
#: compared element by element.
SortKey = tuple[Any, ...]
#: An entry of an order: (sort key, row key).
Placed = tuple[SortKey, str]
#: What the front end receives (JSON objects): the columns, a window's rows, a patch.
Message = dict[str, Any]

#: The most rows a view may ask for at once (a viewport and its margins need far fewer).
MAX_WINDOW = 500


def _text_order(value: Any) -> str:
    return "" if value is None else str(value).casefold()


@dataclass(frozen=True)
class Column:
    """One column: its name, its header, what its cell shows of a row (a str, int or bool) and
    how it sorts (by default the cell, text case-folded). ``width`` is its least width in em
    (never narrower: its header always shows whole); ``grow`` its share of the room left (0:
    fixed). Every row has the same tracks, so the columns line up."""

    name: str
    label: str
    cell: Callable[[Any], Any]
    kind: str = "text"
    width: float = 6.0
    grow: float = 0.0
    sort_value: Optional[Callable[[Any], Any]] = None
    icon: str = ""  # flag columns: the icon drawn when the cell is true ("pin", "star")

    def __post_init__(self) -> None:
        if self.kind not in CELL_KINDS:
            raise ValueError(f"kind must be one of {CELL_KINDS}, not {self.kind!r}")

    def spec(self) -> Message:
        """What the front end needs to draw the column."""
        return {"name": self.name, "label": self.label, "kind": self.kind, "width": self.width, "grow": self.grow,
                "icon": self.icon}

    def order_value(self, row: Any) -> Any:
        if self.sort_value is not None:
            return self.sort_value(row)
        value = self.cell(row)
        return _text_order(value) if self.kind in ("text", "status") else (value or 0)


@dataclass
class _Entry:
    row: Any
    default_key: SortKey
    sort_key: SortKey
    version: int
    cells: Optional[list[Any]] = field(default=None)  # made when a view first shows the row


class RowOrder:
    """Rows in display order: the owner's default order or sorted by a column (either way), and
    the subsequence passing a filter. A change costs O(log n) to find its place plus moving the
    list's tail; a sort, O(n log n); a new filter, one pass. Not thread-safe: its owner locks."""

    def __init__(self, columns: Iterable[Column]) -> None:
        self.columns = list(columns)
        self._by_name = {c.name: c for c in self.columns}
        self._entries: dict[str, _Entry] = {}
        self._all: list[Placed] = []  # (sort key, row key), ascending
        self._shown: Optional[list[Placed]] = None  # the entries passing the filter; None: all
        self._filter: Optional[Callable[[Any], bool]] = None
        self.sort: tuple[str, str] = ("", "")  # (column, direction); ("", "") is the default order
        self._versions = itertools.count(1)

    @property
    def total(self) -> int:
        """Every row, shown or filtered out."""
        return len(self._entries)

    def __len__(self) -> int:
        return len(self._all if self._shown is None else self._shown)

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def row(self, key: str) -> Any:
        return self._entries[key].row

    def _sort_key(self, row: Any, default_key: SortKey) -> SortKey:
        column = self.sort[0]
        return (self._by_name[column].order_value(row), default_key) if column else default_key

    def _drop(self, key: str) -> Optional[_Entry]:
        entry = self._entries.pop(key, None)
        if entry is not None:
            item = (entry.sort_key, key)
            for items in (self._all, self._shown):
                if items is not None:
                    at = bisect.bisect_left(items, item)
                    if at < len(items) and items[at] == item:
                        del items[at]
        return entry

    def upsert(self, key: str, row: Any, default_key: SortKey) -> None:
        """Adds or replaces the row named key; default_key places it in the default order."""
        self._drop(key)
        entry = _Entry(row, default_key, self._sort_key(row, default_key), next(self._versions))
        self._entries[key] = entry
        item = (entry.sort_key, key)
        bisect.insort(self._all, item)
        if self._shown is not None and self._filter is not None and self._filter(row):
            bisect.insort(self._shown, item)

    def remove(self, key: str) -> Optional[Any]:
        """Takes the row out; returns it, or None when there was none."""
        entry = self._drop(key)
        return entry.row if entry is not None else None

    def default_key(self, key: str) -> Optional[SortKey]:
        entry = self._entries.get(key)
        return entry.default_key if entry is not None else None

    def replace_all(self, rows: Iterable[tuple[str, Any, SortKey]]) -> None:
        """Starts again from (key, row, default key) triples: one sort, not n insertions."""
        self._entries = {key: _Entry(row, default_key, (), next(self._versions)) for key, row, default_key in rows}
        self._resort()

    def set_filter(self, accept: Optional[Callable[[Any], bool]]) -> None:
        """Shows only the rows accept() is true for (None: every row)."""
        self._filter = accept
        self._refilter()

    def set_sort(self, column: str, direction: str) -> None:
        """Sorts by a column, either way, or ("", "") back to the default order."""
        if (direction not in SORT_DIRECTIONS or (column and column not in self._by_name)
                or (not column) != (not direction)):
            raise ValueError(f"cannot sort by column {column!r} {direction!r}")
        changed_column = column != self.sort[0]
        self.sort = (column, direction)
        if changed_column:
            self._resort()

    def _resort(self) -> None:
        for entry in self._entries.values():
            entry.sort_key = self._sort_key(entry.row, entry.default_key)
        self._all = sorted((entry.sort_key, key) for key, entry in self._entries.items())
        self._refilter()

    def _refilter(self) -> None:
        accept = self._filter
        self._shown = None if accept is None else [item for item in self._all if accept(self._entries[item[1]].row)]

    def _ordered(self, start: int, stop: int) -> list[Placed]:
        items = self._all if self._shown is None else self._shown
        if self.sort[1] != "descending":
            return items[start:stop]
        count = len(items)
        return items[max(count - stop, 0):max(count - start, 0)][::-1]

    def window(self, start: int, stop: int) -> list[tuple[str, int]]:
        """(key, version) of the rows at positions start..stop-1 in display order."""
        return [(key, self._entries[key].version) for _, key in self._ordered(start, stop)]

    def keys(self, start: int = 0, stop: Optional[int] = None) -> list[str]:
        """The keys of the rows shown, in display order."""
        return [key for _, key in self._ordered(start, len(self) if stop is None else stop)]

    def cells(self, key: str) -> list[Any]:
        """What each column shows of the row (made once per version of the row)."""
        entry = self._entries[key]
        if entry.cells is None:
            entry.cells = [column.cell(entry.row) for column in self.columns]
        return entry.cells


@dataclass
class _View:
    start: int = 0
    stop: int = 0
    sent: Sequence[Optional[tuple[str, int]]] = field(default_factory=list)  # (key, version) of each row the view has
    total: int = -1


class ViewWindows:
    """The window of each front-end view and what it was sent, to send each only what changed.
    A message: ``{"type": "rows", "view", "total", "start", "stop", "rows": [[index, key,
    cells], ...], "reset"}`` where rows lists only the positions whose row changed."""

    MAX_VIEWS = 16  # views the front end never closed (a page reloaded) are forgotten past this

    def __init__(self) -> None:
        self._views: dict[str, _View] = {}

    def __len__(self) -> int:
        return len(self._views)

    def request(self, order: RowOrder, view: str, start: int, stop: int) -> Message:
        """A view shows rows start..stop-1 now: everything in that window it lacks."""
        start = max(0, int(start))
        stop = max(start, min(int(stop), start + MAX_WINDOW))
        known = self._views.pop(view, None)
        state = _View(start, stop)
        if known is not None:  # keep what it has where the new window overlaps the old
            kept = {known.start + i: sent for i, sent in enumerate(known.sent)}
            state.sent = [kept.get(i) for i in range(start, min(stop, known.stop))]
            state.total = known.total
        self._views[view] = state
        while len(self._views) > self.MAX_VIEWS:
            del self._views[next(iter(self._views))]
        return self._patch(order, view, state, reset=known is None)

    def close(self, view: str) -> None:
        self._views.pop(view, None)

    def reset(self) -> None:
        """Every view will be sent its whole window again (after a new sort, a new filter)."""
        for state in self._views.values():
            state.sent, state.total = [], -1

    def changes(self, order: RowOrder) -> list[Message]:
        """One message per view whose window or row count changed."""
        messages = []
        for view, state in self._views.items():
            old_total = state.total
            message = self._patch(order, view, state)
            if message["rows"] or message["total"] != old_total:
                messages.append(message)
        return messages

    @staticmethod
    def _patch(order: RowOrder, view: str, state: _View, reset: bool = False) -> Message:
        now = order.window(state.start, state.stop)
        rows = [[state.start + i, key, order.cells(key)] for i, (key, version) in enumerate(now)
                if i >= len(state.sent) or state.sent[i] != (key, version)]
        state.total, state.sent = len(order), now
        return {"type": "rows", "view": view, "total": state.total, "start": state.start, "stop": state.stop,
                "rows": rows, "reset": reset}


class DataTable(anywidget.AnyWidget):
    """A long, live, sortable table of rows kept in the kernel. ``selected`` is the key of the
    row picked (click or Enter); ``sort_column`` and ``sort_direction`` follow header clicks
    (ascending, descending, then back to the default order)."""

    _esm = STATIC / "table.js"
    _css = STATIC / "table.css"

    columns = traitlets.List(traitlets.Dict()).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)  # the grid's accessible name
    selected = traitlets.Unicode("").tag(sync=True)
    sort_column = traitlets.Unicode("").tag(sync=True)
    sort_direction = traitlets.Unicode("").tag(sync=True)
    visible_rows = traitlets.Int(12).tag(sync=True)  # the viewport's height, in rows
    follow_end = traitlets.Bool(False).tag(sync=True)  # stay at the last row while it is in view

    def __init__(self, columns: list[Column], label: str, visible_rows: int = 12, **kwargs: Any) -> None:
        self._lock = threading.RLock()
        self.order = RowOrder(columns)
        self._windows = ViewWindows()
        super().__init__(columns=[c.spec() for c in columns], label=label, visible_rows=visible_rows, **kwargs)
        self.on_msg(self._on_front_end)
        self.observe(self._sort_changed, names=["sort_column", "sort_direction"])

    # Changes from the owner: each sends the views what it changed in their windows.

    def upsert(self, rows: Iterable[tuple[str, Any, SortKey]]) -> None:
        """Adds or replaces rows given as (key, row, default key)."""
        with self._lock:
            for key, row, default_key in rows:
                self.order.upsert(key, row, default_key)
            self._push()

    def remove(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                self.order.remove(key)
            if self.selected and self.selected not in self.order:
                self.selected = ""
            self._push()

    def replace_all(self, rows: Iterable[tuple[str, Any, SortKey]]) -> None:
        with self._lock:
            self.order.replace_all(rows)
            if self.selected and self.selected not in self.order:
                self.selected = ""
            self._windows.reset()
            self._push()

    def set_filter(self, accept: Optional[Callable[[Any], bool]]) -> None:
        with self._lock:
            self.order.set_filter(accept)
            self._windows.reset()
            self._push()

    def sort_by(self, column: str = "", direction: str = "") -> None:
        """Sorts as a header click would ("" and "": the default order)."""
        with self.hold_trait_notifications():
            self.sort_column, self.sort_direction = column, direction

    # Reading, for Python users and tests.

    def __len__(self) -> int:
        with self._lock:
            return len(self.order)

    @property
    def total(self) -> int:
        with self._lock:
            return self.order.total

    def row_keys(self, start: int = 0, stop: Optional[int] = None) -> list[str]:
        """The keys of the rows shown, in display order."""
        with self._lock:
            return self.order.keys(start, stop)

    def get(self, key: str) -> Optional[Any]:
        """The row named key, or None."""
        with self._lock:
            return self.order.row(key) if key in self.order else None

    def default_key(self, key: str) -> Optional[SortKey]:
        """Where the row named key stands in the default order, or None."""
        with self._lock:
            return self.order.default_key(key)

    def rows(self, start: int = 0, stop: Optional[int] = None) -> list[dict[str, Any]]:
        """The rows shown from start to stop as {column name: cell}, as the front end draws them."""
        with self._lock:
            names = [c.name for c in self.order.columns]
            return [dict(zip(names, self.order.cells(key))) for key in self.order.keys(start, stop)]

    # The front end.

    def _push(self) -> None:
        for message in self._windows.changes(self.order):
            self.send(message)

    def _on_front_end(self, _widget: Any, content: Any, _buffers: Any) -> None:
        try:
            if not isinstance(content, dict):
                return
            with self._lock:
                if content.get("type") == "window" and isinstance(content.get("view"), str):
                    self.send(self._windows.request(self.order, content["view"], content.get("start", 0),
                                                    content.get("stop", 0)))
                elif content.get("type") == "close" and isinstance(content.get("view"), str):
                    self._windows.close(content["view"])
        except (TypeError, ValueError):
            log.warning("ignored a malformed message from the table's front end: %r", content)

    def _sort_changed(self, _change: Any) -> None:
        with self._lock:
            try:
                self.order.set_sort(self.sort_column, self.sort_direction)
            except ValueError:
                log.warning("cannot sort by %r %r: back to the default order", self.sort_column, self.sort_direction)
                self.order.set_sort("", "")
                with self.hold_trait_notifications():
                    self.sort_column, self.sort_direction = "", ""
            self._windows.reset()
            self._push()
