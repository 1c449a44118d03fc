"""The table behind the conversation browser and the call inspector, at widget level: the
order (default, by a column either way, back again), filters, and what each front-end view is
sent (only the rows that changed in its window; never the whole list). The front end's own
half (virtual scrolling, ARIA, keyboard, themes) runs in Chromium in tests/test_browser.py."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pytest
from comm import get_comm_manager
from comm.base_comm import BaseComm

from timconv_nb import Client
from timconv_nb.widgets import ConversationBrowser
from timconv_nb.widgets.table import MAX_WINDOW, Column, DataTable, RowOrder, ViewWindows


@dataclass(frozen=True)
class Person:
    name: str
    age: int
    pinned: bool = False


COLUMNS = [Column("name", "Name", lambda p: p.name), Column("age", "Age", lambda p: p.age, kind="number"),
           Column("pinned", "Pinned", lambda p: p.pinned, kind="flag", icon="pin")]
PEOPLE = [Person("carol", 40), Person("Bob", 25, pinned=True), Person("alice", 33), Person("dave", 25)]


def ranked(people: list[Person]) -> list[tuple]:
    """(key, row, default key): the default order is the order given."""
    return [(p.name, p, (i,)) for i, p in enumerate(people)]


def test_the_default_order_a_column_either_way_and_back() -> None:
    order = RowOrder(COLUMNS)
    order.replace_all(ranked(PEOPLE))
    assert order.keys() == ["carol", "Bob", "alice", "dave"]
    order.set_sort("name", "ascending")  # text sorts case-folded
    assert order.keys() == ["alice", "Bob", "carol", "dave"]
    order.set_sort("name", "descending")
    assert order.keys() == ["dave", "carol", "Bob", "alice"]
    order.set_sort("age", "ascending")  # ties keep the default order
    assert order.keys() == ["Bob", "dave", "alice", "carol"]
    order.set_sort("pinned", "descending")  # pinned ones sort like any other row
    assert order.keys()[0] == "Bob"
    order.set_sort("", "")
    assert order.keys() == ["carol", "Bob", "alice", "dave"]
    for bad in [("nope", "ascending"), ("name", ""), ("", "ascending"), ("name", "sideways")]:
        with pytest.raises(ValueError):
            order.set_sort(*bad)


def test_changes_keep_their_place_under_a_sort_and_a_filter() -> None:
    order = RowOrder(COLUMNS)
    order.replace_all(ranked(PEOPLE))
    order.set_sort("age", "descending")
    order.set_filter(lambda p: p.age < 35)
    assert order.keys() == ["alice", "dave", "Bob"] and (len(order), order.total) == (3, 4)
    order.upsert("erin", Person("erin", 30), (9,))
    assert order.keys() == ["alice", "erin", "dave", "Bob"]
    order.upsert("carol", Person("carol", 20), (0,))  # now passes the filter, and sorts last
    assert order.keys() == ["alice", "erin", "dave", "Bob", "carol"]
    order.upsert("alice", Person("alice", 50), (2,))  # no longer passes
    assert order.keys() == ["erin", "dave", "Bob", "carol"] and order.total == 5
    assert order.remove("dave") == Person("dave", 25) and order.remove("dave") is None
    order.set_filter(None)
    assert order.keys() == ["alice", "erin", "Bob", "carol"]
    assert order.keys(1, 3) == ["erin", "Bob"]


def test_a_view_is_sent_only_what_changed_in_its_window() -> None:
    order = RowOrder(COLUMNS)
    order.replace_all((f"p{i:03d}", Person(f"p{i:03d}", i), (i,)) for i in range(100))
    windows = ViewWindows()
    first = windows.request(order, "view-1", 0, 5)
    assert first["reset"] and first["total"] == 100 and (first["start"], first["stop"]) == (0, 5)
    assert [(index, key) for index, key, _ in first["rows"]] == [(i, f"p{i:03d}") for i in range(5)]
    assert first["rows"][2][2] == ["p002", 2, False]  # the cells, in column order

    order.upsert("p050", Person("p050", 51), (50,))  # outside the window, same count: nothing to send
    assert windows.changes(order) == []
    order.upsert("p002", Person("p002", 99), (2,))  # in the window, in place: that row alone
    (patch,) = windows.changes(order)
    assert [(index, key, cells) for index, key, cells in patch["rows"]] == [(2, "p002", ["p002", 99, False])]
    assert not patch["reset"]
    order.remove("p090")  # outside, but the count changed
    (patch,) = windows.changes(order)
    assert patch["rows"] == [] and patch["total"] == 99
    order.upsert("new", Person("new", 0), (-1,))  # a new first row shifts the window by one
    (patch,) = windows.changes(order)
    assert [key for _, key, _ in patch["rows"]] == ["new", "p000", "p001", "p002", "p003"]

    # Scrolling: an overlapping window is sent only the rows it lacks.
    moved = windows.request(order, "view-1", 3, 8)
    assert [index for index, _, _ in moved["rows"]] == [5, 6, 7] and not moved["reset"]
    # Each view has its own window; a view that closed is sent nothing.
    other = windows.request(order, "view-2", 95, 200)
    assert [index for index, _, _ in other["rows"]] == [95, 96, 97, 98, 99] and other["stop"] == 200
    assert len(windows.request(order, "view-3", 0, 10**9)["rows"]) == 100
    assert windows.request(order, "view-3", 0, 10**9)["stop"] == MAX_WINDOW
    windows.close("view-3")
    order.upsert("p099", Person("p099", 1), (99,))
    assert [m["view"] for m in windows.changes(order)] == ["view-2"]
    for i in range(ViewWindows.MAX_VIEWS + 5):  # views a reloaded page never closed are forgotten
        windows.request(order, f"stale-{i}", 0, 1)
    assert len(windows) == ViewWindows.MAX_VIEWS


class LoopbackComm(BaseComm):
    """The kernel side of a comm whose messages go to a list instead of a socket: what the
    widget publishes, exactly as it would reach the front end."""

    def __init__(self, **kwargs) -> None:
        self.published: list[tuple[str, dict]] = []
        super().__init__(**kwargs)

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys) -> None:
        self.published.append((msg_type, data or {}))

    def custom(self) -> list[dict]:
        return [data["content"] for kind, data in self.published
                if kind == "comm_msg" and data.get("method") == "custom"]

    def from_front_end(self, content) -> None:
        """A custom message from the front end, as the kernel hands it to the comm."""
        self.handle_msg({"content": {"comm_id": self.comm_id, "data": {"method": "custom", "content": content}},
                         "buffers": []})


def attach(widget) -> LoopbackComm:
    comm = LoopbackComm(target_name="jupyter.widget", primary=False)
    get_comm_manager().register_comm(comm)
    widget.comm = comm  # the widget wires its handlers to the new comm
    return comm


def test_the_widget_answers_window_requests_and_header_clicks() -> None:
    table = DataTable(COLUMNS, label="People")
    comm = attach(table)
    table.replace_all(ranked(PEOPLE))
    comm.from_front_end({"type": "window", "view": "v", "start": 0, "stop": 10})
    (rows,) = comm.custom()
    assert [key for _, key, _ in rows["rows"]] == ["carol", "Bob", "alice", "dave"] and rows["total"] == 4
    # A header click, as the front end sends it: the view gets its window in the new order.
    table.set_state({"sort_column": "name", "sort_direction": "ascending"})
    assert [key for _, key, _ in comm.custom()[-1]["rows"]] == ["alice", "Bob", "carol", "dave"]
    table.set_state({"sort_column": "nope", "sort_direction": "ascending"})  # refused: the default order
    assert (table.sort_column, table.sort_direction) == ("", "")
    assert table.row_keys() == ["carol", "Bob", "alice", "dave"]
    sent = len(comm.custom())
    for junk in ["text", {"type": "window"}, {"type": "window", "view": "v", "start": "x"}, {"type": "other"}]:
        comm.from_front_end(junk)  # ignored, logged
    assert len(comm.custom()) == sent
    table.selected = "alice"
    table.remove(["alice"])
    assert table.selected == "" and table.get("alice") is None and len(table) == 3
    table.close()


def test_the_browser_sends_one_row_for_an_event_in_place(client: Client) -> None:
    for i in range(300):
        client.create_conversation(f"u{i:03d}")
    browser = ConversationBrowser(client)
    comm = attach(browser.table)
    comm.from_front_end({"type": "window", "view": "v", "start": 0, "stop": 30})
    assert len(comm.custom()[-1]["rows"]) == 30
    before = len(comm.custom())
    client.set_draft("u298", "written elsewhere")  # a draft does not move the row (second place)
    deadline = time.monotonic() + 3
    while len(comm.custom()) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    (patch,) = comm.custom()[before:]
    assert [(index, key) for index, key, _ in patch["rows"]] == [(1, "c2c_u298")]
    assert "written elsewhere" in patch["rows"][0][2]
    # An event for a row far below the window sends nothing.
    client.set_draft("u000", "far away")
    time.sleep(0.3)
    assert len(comm.custom()) == before + 1
    browser.close()


def test_events_from_several_threads_keep_every_view_consistent(client: Client) -> None:
    """Patches are made and sent under one lock: a view that applies them in order ends with
    exactly the rows the kernel has."""
    for i in range(50):
        client.create_conversation(f"u{i:02d}")
    browser = ConversationBrowser(client)
    comm = attach(browser.table)
    comm.from_front_end({"type": "window", "view": "v", "start": 0, "stop": 20})

    def typist(offset: int) -> None:
        for i in range(offset, 50, 3):
            client.set_draft(f"u{i:02d}", f"draft {i}")
            client.send_text(f"u{i:02d}", f"hi {i}")

    threads = [threading.Thread(target=typist, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.5)  # the last events
    view: dict[int, tuple] = {}
    total = 0
    for message in comm.custom():  # applied as table.js applies them
        if message["reset"]:
            view.clear()
        for index, key, cells in message["rows"]:
            view[index] = (key, cells)
        total = message["total"]
        view = {i: row for i, row in view.items() if message["start"] <= i < min(message["stop"], total)}
    expected = browser.table.rows(0, 20)
    assert [view[i][0] for i in range(20)] == browser.row_keys[:20]
    assert [view[i][1] for i in range(20)] == [list(row.values()) for row in expected]
    browser.close()
