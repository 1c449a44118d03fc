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

from .client import Client
from .recording import CallRecord, Recorder
from .widgets import classed

__all__ = ["CallInspector"]

log = logging.getLogger(__name__)

OUTCOMES = ["all", "ok", "failed", "refused", "pending", "event"]


def _record_label(record: CallRecord) -> str:
    """One line of the list (shown as text: no HTML)."""
    when = datetime.fromtimestamp(record.started, timezone.utc).strftime("%H:%M:%S.%f")[:-3]
    if record.kind == "event":
        summary = "event"
    else:
        summary = f"-> {record.result!r}"
        if record.code is not None:
            summary += f"  callback {record.code} after {record.latency_ms:.2f} ms"
        elif record.expects_callback and record.outcome == "pending":
            summary += "  waiting for its callback"
    return f"{record.seq:>4} {when} {record.function:<32} {summary}"


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
    """A live table of calls and events, filterable by function and outcome; selecting a row
    shows both sides in full. ``source``: a Client (recording starts when it is not on), a
    Recorder, or the path of records saved with ``Recorder.save`` (replayed)."""

    def __init__(self, source: Union[Client, Recorder, str, "os.PathLike[str]"], rows: int = 14,
                 max_rows: int = 500, **kwargs: Any) -> None:
        if isinstance(source, Client):
            self.recorder = source.recorder or source.start_recording()
        elif isinstance(source, Recorder):
            self.recorder = source
        elif isinstance(source, (str, os.PathLike)):
            self.recorder = Recorder.load(source)
        else:
            raise TypeError(f"source must be a Client, a Recorder or a path, not {type(source).__name__}")
        self.max_rows = max_rows
        # Guards rendering (records come from several threads); reentrant: setting the filters'
        # options from inside refresh() fires their observers, which refresh again.
        self._lock = threading.RLock()
        self.function_filter = classed(W.Dropdown(options=[("All functions", "")], value="",
                                                        description="Function"), "tc-inspector-function")
        self.outcome_filter = classed(W.ToggleButtons(options=[(o.capitalize(), o) for o in OUTCOMES],
                                                            value="all", description="Outcome",
                                                            style={"button_width": "64px"}),
                                            "tc-inspector-outcome")
        self.count = classed(W.HTML(""), "tc-inspector-count")
        self.table = classed(W.Select(options=[], rows=rows, layout=W.Layout(width="100%")),
                                   "tc-inspector-table")
        self.detail = classed(W.HTML(""), "tc-inspector-detail")
        self.clear_button = classed(W.Button(description="Clear", icon="eraser"), "tc-inspector-clear")
        style = W.HTML("<style>.tc-inspector-table select { font-family: monospace; font-size: 12px; }"
                       ".tc-inspector-detail pre { max-height: 24em; overflow: auto; }</style>")
        super().__init__(children=[style, W.HBox([self.function_filter, self.clear_button]), self.outcome_filter,
                                   self.count, self.table, self.detail], **kwargs)
        self.add_class("tc-inspector")
        self.function_filter.observe(lambda _: self.refresh(), names="value")
        self.outcome_filter.observe(lambda _: self.refresh(), names="value")
        self.table.observe(lambda _: self._show_selected(), names="value")
        self.clear_button.on_click(lambda _: self.clear())
        self._functions: set[str] = {r.function for r in self.recorder.records}  # for the filter
        self._labels: dict[tuple, str] = {}  # (seq, outcome, code) -> row, for the rows shown
        self._listener = self.recorder.listen(self._on_record)
        self.refresh()

    @property
    def row_seqs(self) -> list[int]:
        """The sequence numbers of the rows shown, in order."""
        return [seq for _, seq in self.table.options]

    def _on_record(self, record: CallRecord, is_new: bool) -> None:
        try:
            with self._lock:
                self._functions.add(record.function)
            self.refresh()
        except Exception:  # may run on the engine's thread: log, never raise into it
            log.exception("CallInspector could not show record %s", record.seq)

    def refresh(self) -> None:
        """Shows the newest max_rows records that pass the filters (oldest first). Runs for every
        record, on the engine's thread too: it reads only the rows it shows (and counts all only
        while a filter is set), and row labels are made once per record and state."""
        records = self.recorder.records
        with self._lock:
            functions = sorted(self._functions)
            if [value for _, value in self.function_filter.options][1:] != functions:
                current = self.function_filter.value
                self.function_filter.options = [("All functions", "")] + [(f, f) for f in functions]
                self.function_filter.value = current if current in functions else ""
            function, outcome = self.function_filter.value, self.outcome_filter.value

            def passes(record: CallRecord) -> bool:
                return (not function or record.function == function) and (outcome == "all" or record.outcome == outcome)

            newest: list[CallRecord] = []
            for record in reversed(records):
                if len(newest) == self.max_rows:
                    break
                if passes(record):
                    newest.append(record)
            newest.reverse()
            filtered = bool(function) or outcome != "all"
            matches = sum(1 for r in records if passes(r)) if filtered else len(records)
            labels = {}  # the rows shown keep their labels; the others are forgotten
            for r in newest:
                key = (r.seq, r.outcome, r.code)
                labels[key] = self._labels.get(key) or _record_label(r)
            self._labels = labels
            options = [(labels[(r.seq, r.outcome, r.code)], r.seq) for r in newest]
            if options != list(self.table.options):
                current = self.table.value
                self.table.options = options
                self.table.value = current if current in {seq for _, seq in options} else None
            more = f", the newest {len(newest)} shown" if len(newest) < matches else ""
            self.count.value = html.escape(f"{matches} of {len(records)} records{more}")
        self._show_selected()

    def _show_selected(self) -> None:
        seq = self.table.value
        record = next((r for r in reversed(self.recorder.records) if r.seq == seq), None) if seq is not None else None
        self.detail.value = "" if record is None else f"<pre>{html.escape(_detail_text(record))}</pre>"

    def clear(self) -> None:
        """Forgets the records so far (recording goes on)."""
        self.recorder.clear()
        with self._lock:
            self._functions, self._labels = set(), {}
        self.refresh()

    def close(self) -> None:
        self.recorder.unlisten(self._listener)
        super().close()
