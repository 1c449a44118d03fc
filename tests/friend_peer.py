"""Another local user in a process of their own, for the friendship tests: any Client method runs in
it, and every friendship event and conversation change its client hears goes into a queue the test
waits on (a blocking get with a timeout: no polling)."""

from __future__ import annotations

import multiprocessing
import queue
from pathlib import Path
from typing import Any, Optional

#: The events a peer passes on, each as a small picklable summary.
EVENTS = ("friend_added", "friend_deleted", "friend_profile_updated", "friend_request", "friend_requests_deleted",
          "friend_requests_read", "blocked", "unblocked", "friend_group_created", "friend_group_deleted",
          "friend_group_renamed", "friends_grouped", "friends_ungrouped", "add", "update", "message")
TIMEOUT = 15.0


def summary(event: str, args: tuple[Any, ...]) -> Any:
    """What a test compares of an event (the same in the test's own process)."""
    if event in ("add", "update"):
        return [(c.key, c.show_name) for c in args[1]]
    if event == "message":
        return [(m.sender, m.text) for m in args[0]]
    if event == "blocked":
        return [p.user_id for p in args[0]]
    if event in ("friend_group_created", "friends_grouped"):
        return args[0], [p.user_id for p in args[1]]
    if event == "friend_request":
        return [(r.user_id, r.add_wording) for r in args[0]]
    if event == "friend_profile_updated":
        return [(user, sorted(item)) for user, item in args[0]]
    if not args:
        return None
    return args[0] if len(args) == 1 else args


def _serve(conn: Any, events: Any, root: str, user: str, library: Optional[str]) -> None:
    from timconv_nb import Client

    with Client(root, library=library) as client:
        for event in EVENTS:
            client.on(event, lambda *args, event=event: events.put((event, summary(event, args))))
        client.login(user)
        client.wait_for_sync()
        conn.send("ready")
        while (request := conn.recv()) is not None:
            name, args, kwargs = request
            try:
                conn.send(("ok", getattr(client, name)(*args, **kwargs)))
            except Exception as error:  # raised again in the test
                conn.send(("error", error))


class EventQueue:
    """Events as (name, summary), waited for in order."""

    def __init__(self, source: Any) -> None:
        self.source = source

    def next(self, timeout: float = TIMEOUT) -> tuple[str, Any]:
        try:
            event: tuple[str, Any] = self.source.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no event within {timeout} s") from None
        return event

    def wait_for(self, name: str, timeout: float = TIMEOUT) -> Any:
        """The summary of the next event called name (those before it are passed over)."""
        while True:
            event, value = self.next(timeout)
            if event == name:
                return value

    def following(self, names: set[str], timeout: float = TIMEOUT) -> list[tuple[str, Any]]:
        """Every event among names up to (with) the next friend_requests_read, a marker the peer
        makes itself: its own call announces every news addressed to it that came before."""
        seen = []
        while True:
            event, value = self.next(timeout)
            if event == "friend_requests_read":
                return seen
            if event in names:
                seen.append((event, value))


class FriendPeer:
    """A user logged in from another process."""

    def __init__(self, root: Path, user: str, library: Optional[str] = None) -> None:
        context = multiprocessing.get_context("spawn")
        self.user_id = user
        self.events = EventQueue(context.Queue())
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self.events.source, str(root), user, library),
                                        daemon=True)
        self._process.start()
        if not self._conn.poll(60):
            raise TimeoutError(f"{user}'s process did not start")
        assert self._conn.recv() == "ready"

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        self._conn.send((name, args, kwargs))
        if not self._conn.poll(60):
            raise TimeoutError(f"{self.user_id}: {name} did not answer")
        status, value = self._conn.recv()
        if status == "error":
            raise value
        return value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)

    def marker(self, names: set[str]) -> list[tuple[str, Any]]:
        """The events among names this peer heard before a marker it makes now."""
        self.call("report_friend_requests_read")
        return self.events.following(names)

    def close(self) -> None:
        if self._process.is_alive():
            self._conn.send(None)
            self._process.join(30)
        if self._process.is_alive():
            self._process.kill()
