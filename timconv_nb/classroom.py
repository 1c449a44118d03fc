"""A classroom in one notebook: other local users, each in a process of their own, that the notebook
acts through.

The C SDK is one instance per process, logged in as one user, so a notebook that wants alice, bob
and carol to talk runs bob and carol elsewhere. :class:`Classroom` starts one process per user
(same data folder and app id as the notebook's client, so they share the local "server"), logs
each in, and lets the notebook call any :class:`~timconv_nb.client.Client` method as them::

    with Classroom(client, ["bob", "carol"]) as peers:
        peers["bob"].join_group("team")
        peers["bob"].send_text("team", "hi all", "group")
        peers["bob"].events()   # what bob's client heard: messages, group tips, revokes, ...

Results and exceptions come back as the methods give them (DataFrames, value objects, TIMError
with its code). The processes end with :meth:`Classroom.close`, the ``with`` block, the
notebook's kernel, or the garbage collector: each also ends by itself when the notebook's
process is gone.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional

__all__ = ["Classroom", "Peer"]

log = logging.getLogger(__name__)

#: The events a peer records for :meth:`Peer.events`.
_RECORDED = ("message", "group_tip", "message_revoked", "add", "update", "del", "total_unread", "kicked_offline",
             "self_info_updated", "user_info_changed", "user_status_changed", "group_attributes_changed",
             "group_counter_changed")
#: How long a call into a peer may take before the classroom gives up on it (seconds).
_CALL_TIMEOUT = 60.0


def _summary(event: str, args: tuple[Any, ...]) -> Any:
    """What a peer keeps of an event: small, picklable, readable in a notebook."""
    if event == "message":
        return [(m.sender, m.text) for m in args[0]]
    if event == "group_tip":
        return args[0].summary
    if event == "message_revoked":
        return [(r.key, r.seq, r.revoker) for r in args[0]]
    if event in ("add", "update", "del"):
        return [c.key for c in args[1]]
    return args[0] if len(args) == 1 else args or None


def _serve(conn: Any, data_dir: str, app_id: int, user_id: str, secret_key: Optional[str], parent: int) -> None:
    """A peer's process: one Client logged in as user_id, serving the notebook's calls."""
    from timconv_nb.client import Client
    from timconv_nb.usersig import gen_user_sig

    heard: list[tuple[str, Any]] = []
    lock = threading.Lock()
    client = Client(data_dir, app_id, secret_key=secret_key, timeout=_CALL_TIMEOUT)

    def recorder(event: str) -> Any:
        def record(*args: Any) -> None:
            with lock:
                heard.append((event, _summary(event, args)))
        return record

    for event in _RECORDED:
        client.on(event, recorder(event))
    sig = gen_user_sig(app_id, secret_key, user_id) if secret_key else ""
    client.login(user_id, sig)
    client.wait_for_sync()
    conn.send(("ready", client.version))
    try:
        while True:
            if not conn.poll(1.0):
                if os.getppid() != parent:  # the notebook's process is gone
                    break
                continue
            request = conn.recv()
            if request is None:
                break
            name, args, kwargs = request
            try:
                if name == "events":
                    with lock:
                        reply: Any = list(heard)
                        heard.clear()
                else:
                    reply = getattr(client, name)(*args, **kwargs)
                conn.send(("ok", reply))
            except Exception as error:  # sent back to be raised in the notebook
                conn.send(("error", error))
    except (EOFError, OSError):
        pass
    finally:
        client.close()


class Peer:
    """One user of a classroom: any Client method called on it runs in that user's process."""

    def __init__(self, user_id: str, process: Any, conn: Any) -> None:
        self.user_id = user_id
        self._process = process
        self._conn = conn
        self._lock = threading.Lock()

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Calls ``Client.<method>(*args, **kwargs)`` as this user and returns its result (or
        raises its exception)."""
        with self._lock:
            if not self._process.is_alive():
                raise RuntimeError(f"{self.user_id}'s process has ended")
            self._conn.send((method, args, kwargs))
            if not self._conn.poll(_CALL_TIMEOUT + 5):
                raise TimeoutError(f"{self.user_id}: {method} did not answer")
            status, value = self._conn.recv()
        if status == "error":
            raise value
        return value

    def events(self) -> list[tuple[str, Any]]:
        """What this user's client heard since the last look: (event, summary) pairs."""
        heard: list[tuple[str, Any]] = self.call("events")
        return heard

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)

    def __repr__(self) -> str:
        state = "running" if self._process.is_alive() else "ended"
        return f"Peer({self.user_id!r}, {state})"

    def _stop(self) -> None:
        try:
            with self._lock:
                self._conn.send(None)
        except (OSError, ValueError):
            pass
        self._process.join(10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
        self._conn.close()


def _stop_all(peers: list[Peer]) -> None:
    for peer in peers:
        peer._stop()


class Classroom:
    """Local users in processes of their own, sharing the data folder of ``client`` (a Client,
    or a data folder path with ``app_id``)."""

    def __init__(self, client: Any, users: Iterable[str], *, app_id: Optional[int] = None,
                 secret_key: Optional[str] = None) -> None:
        from .client import DEFAULT_APP_ID

        if isinstance(client, (str, os.PathLike)):
            data_dir, app = Path(client), app_id or DEFAULT_APP_ID
        else:
            data_dir, app = Path(client.data_dir), client.app_id
        users = list(users)
        if isinstance(users, str) or not users:
            raise ValueError("give the user ids as a list")
        self._peers: dict[str, Peer] = {}
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no copy of this SDK instance
        started: list[Peer] = []
        try:
            for user in users:
                parent_end, child_end = context.Pipe()
                process = context.Process(target=_serve, name=f"timconv-peer-{user}", daemon=True,
                                          args=(child_end, str(data_dir), app, user, secret_key, os.getpid()))
                process.start()
                child_end.close()
                peer = Peer(user, process, parent_end)
                started.append(peer)
                if not parent_end.poll(_CALL_TIMEOUT):
                    raise TimeoutError(f"{user}'s process did not start")
                status, value = parent_end.recv()
                if status != "ready":
                    raise value
                self._peers[user] = peer
                log.info("classroom: %s logged in (%s)", user, value)
        except BaseException:
            _stop_all(started)
            raise
        self._finalizer = weakref.finalize(self, _stop_all, list(self._peers.values()))
        atexit.register(self._finalizer)

    def __getitem__(self, user: str) -> Peer:
        return self._peers[user]

    def __iter__(self) -> Iterator[Peer]:
        return iter(self._peers.values())

    def __len__(self) -> int:
        return len(self._peers)

    @property
    def users(self) -> list[str]:
        return list(self._peers)

    def close(self) -> None:
        """Logs every peer out and ends its process (twice is harmless)."""
        self._finalizer()

    def __enter__(self) -> Classroom:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Classroom({', '.join(repr(p) for p in self._peers.values())})"


