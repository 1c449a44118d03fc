"""The call inspector: a live view of the C-level traffic under a client (every C call with its
arguments, what it returned at once and in its callback, and every event), or of a session
saved earlier, replayed for teaching.

It sits well beside :class:`~timconv_nb.widgets.ConversationBrowser`: clicking a form there shows
the C calls it caused here. Records arrive on the engine's thread; the inspector applies them by
setting traits, as the other widgets do. Every text it shows is escaped.
"""

from __future__ import annotations

import html
import json
import logging
import os
import threading
from datetime import datetime, timezone
from typing import Any, Optional, Union

import ipywidgets as W

from ..client import Client
from ..recording import CallRecord, Listener, Recorder
from .base import classed, fit_descriptions
from .table import Column, DataTable

__all__ = ["INSPECTOR_COLUMNS", "CallInspector"]

log = logging.getLogger(__name__)

OUTCOMES = ["all", "ok", "failed", "refused", "pending", "event"]


def _record_time(record: CallRecord) -> str:
    return datetime.fromtimestamp(record.started, timezone.utc).strftime("%H:%M:%S.%f")[:-3]


def _returned_cell(record: CallRecord) -> str:
    return "" if record.kind == "event" else repr(record.result)


def _callback_cell(record: CallRecord) -> str:
    if record.code is not None:
        return f"code {record.code}"
    return "waiting" if record.expects_callback and record.outcome == "pending" else ""


#: The inspector's table columns, in order.
INSPECTOR_COLUMNS = [
    Column("seq", "#", lambda r: r.seq, kind="number", width=4),
    Column("time", "Time (UTC)", _record_time, width=8.5, sort_value=lambda r: r.started),
    Column("function", "Function", lambda r: r.function, width=14, grow=2),
    Column("outcome", "Outcome", lambda r: r.outcome, kind="status", width=6),
    Column("returned", "Returned", _returned_cell, width=5.5, grow=1),
    Column("callback", "Callback", _callback_cell, width=6, grow=1),
    Column("latency", "Latency (ms)", lambda r: "" if r.latency_ms is None else f"{r.latency_ms:.2f}",
           kind="number", width=7.5, sort_value=lambda r: -1.0 if r.latency_ms is None else r.latency_ms),
]


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=repr)


def _detail_text(record: CallRecord) -> str:
    """Everything about one record, as plain text."""
    lines = [f"{record.function}  ({record.kind} #{record.seq}, {record.outcome}, thread {record.thread})",
             "", "arguments:" if record.kind == "call" else "delivered:", _pretty(record.args)]
    if record.kind == "call":
        lines += ["", f"returned at once: {record.result!r}"
                      + (f" after {record.returned_ms:.3f} ms" if record.returned_ms is not None else "")]
        if record.code is not None:
            same = record.callback_thread_id == record.thread_id
            lines += ["", f"callback: code {record.code} {record.desc!r} after {record.latency_ms:.3f} ms, "
                          f"on {'the calling' if same else 'the engine'} thread ({record.callback_thread_id})",
                      _pretty(record.json)]
        elif record.expects_callback:
            lines += ["", "callback: not yet" if record.outcome == "pending" else "callback: none (refused)"]
    return "\n".join(lines)


class CallInspector(W.VBox):
    """A live table of calls and events (see :class:`~timconv_nb.widgets.DataTable`), oldest
    first, sortable by any column, filterable by function and outcome; selecting a row shows
    both sides in full. ``source``: a Client (recording starts when it is not on), a Recorder,
    or the path of records saved with ``Recorder.save`` (replayed)."""

    table: DataTable  # made in __init__ (after the checks), closed with it
    _listener: Optional[Listener] = None

    def __init__(self, source: Union[Client, Recorder, str, os.PathLike[str]], rows: int = 14,
                 **kwargs: Any) -> None:
        if isinstance(source, Client):
            self.recorder = source.recorder or source.start_recording()
        elif isinstance(source, Recorder):
            self.recorder = source
        elif isinstance(source, (str, os.PathLike)):
            self.recorder = Recorder.load(source)
        else:
            raise TypeError(f"source must be a Client, a Recorder or a path, not {type(source).__name__}")
        # Guards the function list; reentrant: setting the filter's options fires its observer.
        self._lock = threading.RLock()
        self.function_filter = classed(W.Dropdown(options=[("All functions", "")], value="", description="Function",
                                                  layout=W.Layout(width="auto")), "tc-inspector-function")
        self.outcome_filter = classed(W.Dropdown(options=[(o.capitalize(), o) for o in OUTCOMES], value="all",
                                                 description="Outcome", layout=W.Layout(width="auto")),
                                      "tc-inspector-outcome")
        self.count = classed(W.HTML(""), "tc-inspector-count")
        self.table = classed(DataTable(INSPECTOR_COLUMNS, label="Calls and events", visible_rows=rows, follow_end=True),
                             "tc-inspector-table")
        self.detail = classed(W.HTML(""), "tc-inspector-detail")
        self.clear_button = classed(W.Button(description="Clear", icon="eraser"), "tc-inspector-clear")
        style_sheet = W.HTML("<style>.tc-inspector-detail pre { max-height: 24em; overflow: auto; }</style>")
        filters = W.HBox([self.function_filter, self.outcome_filter, self.clear_button],
                         layout=W.Layout(flex_flow="row wrap"))
        super().__init__(children=[style_sheet, filters, self.count, self.table, self.detail], **kwargs)
        self.add_class("tc-inspector")
        fit_descriptions(filters)
        self.function_filter.observe(lambda _: self._apply_filters(), names="value")
        self.outcome_filter.observe(lambda _: self._apply_filters(), names="value")
        self.table.observe(lambda _: self._show_selected(), names="selected")
        self.clear_button.on_click(lambda _: self.clear())
        self._functions: set[str] = set()  # for the filter
        self._listener = self.recorder.listen(self._on_record)
        with self._lock:
            records = list(self.recorder.records)
            self._functions = {r.function for r in records}
            self.table.replace_all((str(r.seq), r, (r.seq,)) for r in records)
        self._show_functions()
        self._show_count()

    @property
    def row_seqs(self) -> list[int]:
        """The sequence numbers of the rows shown, in order."""
        return [int(key) for key in self.table.row_keys()]

    def _on_record(self, record: CallRecord, is_new: bool) -> None:
        """A record made or completed (its callback came): its row alone changes."""
        try:
            with self._lock:
                new_function = record.function not in self._functions
                self._functions.add(record.function)
                self.table.upsert([(str(record.seq), record, (record.seq,))])
            if new_function:
                self._show_functions()
            self._show_count()
            if self.table.selected == str(record.seq):
                self._show_selected()
        except Exception:  # may run on the engine's thread: log, never raise into it
            log.exception("CallInspector could not show record %s", record.seq)

    def _show_functions(self) -> None:
        with self._lock:
            functions = sorted(self._functions)
            if [value for _, value in self.function_filter.options][1:] != functions:
                current = self.function_filter.value
                self.function_filter.options = [("All functions", "")] + [(f, f) for f in functions]
                self.function_filter.value = current if current in functions else ""

    def _apply_filters(self) -> None:
        function: str = self.function_filter.value
        outcome: str = self.outcome_filter.value

        def accept(record: CallRecord) -> bool:
            return (not function or record.function == function) and (outcome == "all" or record.outcome == outcome)

        self.table.set_filter(accept if function or outcome != "all" else None)
        self._show_count()

    def _show_count(self) -> None:
        self.count.value = html.escape(f"{len(self.table)} of {self.table.total} records")

    def _show_selected(self) -> None:
        key = self.table.selected
        record = self.table.get(key) if key else None
        self.detail.value = "" if record is None else f"<pre>{html.escape(_detail_text(record))}</pre>"

    def clear(self) -> None:
        """Forgets the records so far (recording goes on)."""
        self.recorder.clear()
        with self._lock:
            self._functions = set()
            self.table.replace_all([])
        self._show_functions()
        self._show_count()
        self._show_selected()

    def close(self) -> None:
        if self._listener is not None:
            self.recorder.unlisten(self._listener)
            self._listener = None
        table = getattr(self, "table", None)  # absent when __init__ failed before making it
        if table is not None:
            table.close()
        super().close()
