"""Records of the C-level traffic: every call into the library, its arguments, what it returned at
once and what came back in its callback, and every event, with threads and times.

A :class:`Recorder` is attached to a :class:`~timconv_nb.native.NativeLibrary` (so it sees the
local engine and the vendor library alike) with ``NativeLibrary.start_recording`` or the
``recording`` context manager; without one the binding does no recording work at all. Records
receive values the binding has already named and described (no C types reach this module). Records
can be saved as JSON lines and loaded again, to replay a session into a
:class:`~timconv_nb.widgets.CallInspector`.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CallRecord", "Recorder"]

log = logging.getLogger(__name__)


def _shown(value: Any) -> Any:
    """A described value (see the binding) as a record keeps it: JSON text parsed, so it prints
    indented and saves as JSON."""
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


@dataclasses.dataclass
class CallRecord:
    """One C call (``kind`` "call") or one event the library delivered (``kind`` "event")."""

    seq: int
    kind: str
    function: str  # the C function, or for an event the callback type (TIMConvEventCallback, ...)
    args: dict[str, Any]
    thread_id: int
    thread: str
    started: float  # seconds since the epoch
    result: Any = None  # what the C function returned at once (a TIMResult for most)
    returned_ms: Optional[float] = None
    code: Optional[int] = None  # the callback's code (None: no callback yet, or none expected)
    desc: Optional[str] = None
    json: Any = None
    callback_thread_id: Optional[int] = None
    latency_ms: Optional[float] = None  # from the call to its callback
    expects_callback: bool = False  # a call answered through its TIMCommCallback

    @property
    def outcome(self) -> str:
        """"event", "refused" (a TIMResult other than 0), "pending", "ok" or "failed"."""
        if self.kind == "event":
            return "event"
        if isinstance(self.result, int) and not isinstance(self.result, bool) and self.result < 0:
            return "refused"
        if self.code is None:
            return "pending" if self.expects_callback else "ok"
        return "ok" if self.code == 0 else "failed"

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


Listener = Callable[[CallRecord, bool], None]


class Recorder:
    """The records of one session, in order. Thread-safe: calls come from any thread, callbacks
    and events from the library's. ``listen(fn)`` calls ``fn(record, is_new)`` for each new record
    and each completed one (on the thread that made or completed it)."""

    def __init__(self, records: Iterable[CallRecord] = ()) -> None:
        self._lock = threading.Lock()  # guards _records and _listeners
        self._records: list[CallRecord] = list(records)
        self._listeners: list[Listener] = []

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    @property
    def records(self) -> list[CallRecord]:
        with self._lock:
            return list(self._records)

    def listen(self, listener: Listener) -> Listener:
        with self._lock:
            self._listeners = self._listeners + [listener]
        return listener

    def unlisten(self, listener: Listener) -> None:
        with self._lock:
            self._listeners = [other for other in self._listeners if other is not listener]

    def clear(self) -> None:
        with self._lock:
            self._records = []

    def _tell(self, record: CallRecord, is_new: bool) -> None:
        with self._lock:
            listeners = self._listeners
        for listener in listeners:
            try:
                listener(record, is_new)
            except Exception:
                log.exception("recording listener %r raised", listener)

    def _add(self, kind: str, function: str, args: dict[str, Any]) -> CallRecord:
        thread = threading.current_thread()
        with self._lock:
            record = CallRecord(seq=len(self._records) + 1, kind=kind, function=function, args=args,
                                thread_id=threading.get_ident(), thread=thread.name, started=time.time())
            self._records.append(record)
        return record

    # ---- what the binding reports ----

    def call(self, function: str, args: dict[str, Any], expects_callback: bool = False) -> CallRecord:
        """A call about to be made: its arguments by declared name, described as plain values."""
        record = self._add("call", function, {name: _shown(value) for name, value in args.items()})
        record.expects_callback = expects_callback
        return record

    def returned(self, record: CallRecord, result: Any) -> None:
        """What the call returned at once."""
        record.result = _shown(result)
        record.returned_ms = (time.time() - record.started) * 1000
        self._tell(record, True)

    def called_back(self, record: CallRecord, code: int, desc: str, payload: str,
                    thread_id: Optional[int] = None, when: Optional[float] = None) -> None:
        """Its callback: code, description, JSON, and the thread and time it came on (default: now,
        on the current thread)."""
        record.code, record.desc, record.json = int(code), desc, _shown(payload)
        record.callback_thread_id = thread_id if thread_id is not None else threading.get_ident()
        record.latency_ms = ((when if when is not None else time.time()) - record.started) * 1000
        self._tell(record, False)

    def event(self, callback_type: str, args: dict[str, Any]) -> CallRecord:
        """An event the library delivered through a global callback of callback_type."""
        record = self.call(callback_type, args)
        record.kind = "event"
        record.callback_thread_id = record.thread_id
        self._tell(record, True)
        return record

    # ---- using the records ----

    def frame(self) -> pd.DataFrame:
        """The records as a DataFrame (schema: docs/api.md), built by the frames layer (loaded
        only when a frame is asked for: recording itself needs no pandas)."""
        from .frames import records_frame

        return records_frame(self.records)

    def save(self, path: Union[str, os.PathLike[str]]) -> Path:
        """Writes the records as JSON lines (one record per line); returns the path."""
        target = Path(path)
        with target.open("w", encoding="utf-8") as out:
            for record in self.records:
                out.write(json.dumps(record.to_json(), ensure_ascii=False, default=repr) + "\n")
        return target

    @classmethod
    def load(cls, path: Union[str, os.PathLike[str]]) -> Recorder:
        """The records saved by :meth:`save`, for replaying into an inspector."""
        fields = {f.name for f in dataclasses.fields(CallRecord)}
        records = []
        with Path(path).open(encoding="utf-8") as source:
            for number, line in enumerate(source, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                    records.append(CallRecord(**{k: v for k, v in data.items() if k in fields}))
                except (ValueError, TypeError) as exc:
                    raise ValueError(f"{path}, line {number}: not a saved call record ({exc})") from None
        return cls(records)
