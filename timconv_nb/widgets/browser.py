"""The live conversation browser: every conversation in a table (its columns are
``BROWSER_COLUMNS``), filtered and searched, kept current by the client's events row by row, above
the conversation forms, which act on the row selected."""

from __future__ import annotations

import html
import itertools
import logging
import threading
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Optional

import ipywidgets as W

from .. import wire as k
from ..client import Client
from ..model import GROUP_AT_NAMES, Conversation, ConvEvent, ConvType, MessageStatus, ReceiveOpt, epoch_to_datetime
from .base import ClientWidget, classed, fit_descriptions
from .conversation_forms import CreateConversationForm, DeleteConversationForm, DraftEditor, OrganizeForm
from .table import Column, DataTable

__all__ = ["BROWSER_COLUMNS", "ConversationBrowser"]

log = logging.getLogger(__name__)


def _activity(conv: Conversation) -> tuple[Optional[datetime], Any]:
    """What changes when a conversation becomes active: its active time or its last message."""
    return conv.active_time, (conv.last_message or {}).get(k.kTIMMsgMsgId)


def _when(moment: Optional[datetime]) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _epoch(moment: Optional[datetime]) -> float:
    return moment.timestamp() if moment else 0.0


def _conversation_label(conv: Conversation) -> str:
    name = conv.show_name
    return conv.conv_id if not name or name == conv.conv_id else f"{name} ({conv.conv_id})"


def face_url(url: str) -> str:
    """A face to show: an http(s) URL as given, anything else "" (the front end then draws the
    name's initial)."""
    return url if url.lower().startswith(("https://", "http://")) else ""


def _conversation_cell(conv: Conversation) -> list[str]:
    """The show name (and id, when it differs) beside the small face of the peer or group."""
    return [_conversation_label(conv), face_url(conv.face_url)]


def _type_cell(conv: Conversation) -> str:
    kind = "C2C" if conv.conv_type is ConvType.C2C else "Group"
    return kind if conv.recv_opt == ReceiveOpt.RECEIVE else f"{kind} (muted)"


def _last_message_cell(conv: Conversation) -> str:
    """The last message as a line: who sent it, @ marks, a revoke; shown as text, never HTML."""
    message = conv.last_message or {}
    text = conv.last_message_text
    if message.get(k.kTIMMsgStatus) == MessageStatus.REVOKED:
        text = f"(revoked by {message.get(k.kTIMMsgRevokerUserId, '')}) {text}"
    sender = message.get(k.kTIMMsgSender)
    if sender:
        text = f"{sender}: {text}"
    if conv.group_at:
        text = f"[@{'/'.join(GROUP_AT_NAMES[at] for _, at in conv.group_at)}] {text}"
    return text


def _last_time(conv: Conversation) -> Optional[datetime]:
    """When the last message was sent, or when the conversation was last active."""
    sent = (conv.last_message or {}).get(k.kTIMMsgServerTime)
    return epoch_to_datetime(sent) if sent else conv.active_time


TIME = 10.5  # em: "2026-12-01 19:45" and its header, in the UI font
#: The browser's table columns, in order.
BROWSER_COLUMNS = [
    Column("conversation", "Conversation", _conversation_cell, kind="face", width=9, grow=1.3,
           sort_value=lambda c: _conversation_label(c).casefold()),
    Column("type", "Type", _type_cell, width=7),
    Column("unread", "Unread", lambda c: c.unread, kind="badge", width=4.5),
    Column("last_message", "Last message", _last_message_cell, width=10, grow=2),
    Column("time", "Time", lambda c: _when(_last_time(c)), width=TIME, sort_value=lambda c: _epoch(_last_time(c))),
    Column("draft", "Draft", lambda c: c.draft.text if c.draft else "", width=6, grow=1),
    Column("draft_edited", "Draft edited", lambda c: _when(c.draft.edit_time) if c.draft else "", width=TIME,
           sort_value=lambda c: _epoch(c.draft.edit_time) if c.draft else 0.0),
    Column("pinned", "Pinned", lambda c: c.pinned, kind="flag", icon="pin", width=4.5),
    Column("marks", "Marks", lambda c: ", ".join(c.marks), width=5, grow=0.5),
    Column("groups", "Groups", lambda c: ", ".join(c.groups), width=5, grow=0.5),
]


class ConversationBrowser(ClientWidget):
    """Every conversation in a table (see :class:`~timconv_nb.widgets.DataTable`): sortable by
    any column, filterable by type and conversation group, searchable by id or name, kept current
    by conversation and group events (each event changes only the rows it names). Selecting a
    row (click, or Enter) picks that conversation in the forms below it."""

    _prefix = "tc-browser"
    table: DataTable  # made in __init__ (after the client is checked), closed with it (_owned)

    def __init__(self, client: Client, rows: int = 12, **kwargs: Any) -> None:
        super().__init__(client, [], **kwargs)
        # One change at a time: the activation count, the table and the group filter's choices.
        self._lock = threading.Lock()
        self._activations = itertools.count(1)
        self.type_filter = classed(W.Dropdown(options=[("All", "all"), ("C2C", "c2c"), ("Group", "group")],
                                              value="all", description="Show",
                                              layout=W.Layout(width="auto")), "tc-browser-type")
        self.search = classed(W.Text(placeholder="search id or name", description="Search",
                                     layout=W.Layout(width="auto", flex="1 1 12em")), "tc-browser-search")
        self.group_filter = classed(W.Dropdown(options=[("All groups", "")], value="", description="Group",
                                               layout=W.Layout(width="auto")), "tc-browser-group")
        self.count = classed(W.HTML(""), "tc-browser-count")
        self.table = classed(DataTable(BROWSER_COLUMNS, label="Conversations", visible_rows=rows),
                             "tc-browser-table")
        # Listed once, for the table and the three picking forms (a listing of 100,000 takes seconds).
        conversations = self._client.conversation_list()
        self.create_form = CreateConversationForm(client)
        self.delete_form = DeleteConversationForm(client, known=conversations)
        self.draft_editor = DraftEditor(client, known=conversations)
        self.organize_form = OrganizeForm(client, known=conversations)
        forms = (self.create_form, self.delete_form, self.draft_editor, self.organize_form)
        self._owned = (*forms, self.table)
        tabs = W.Tab(children=list(forms))
        for i, title in enumerate(["Create", "Delete", "Draft", "Organize"]):
            tabs.set_title(i, title)
        filters = W.HBox([self.type_filter, self.group_filter, self.search], layout=W.Layout(flex_flow="row wrap"))
        fit_descriptions(filters)
        self.children = [filters, self.count, self.table, tabs]
        for control in (self.type_filter, self.group_filter, self.search):
            control.observe(lambda _: self._apply_filters(), names="value")
        self.table.observe(self._on_select, names="selected")
        for event in ("add", "del", "update"):
            self._subscribe(event, self._on_event)
        self._subscribe("group_created", lambda name, _conversations: self._groups_changed(add=name))
        self._subscribe("group_deleted", lambda name: self._groups_changed(drop=name))
        self._subscribe("group_renamed", lambda old, new: self._groups_changed(add=new, drop=old))
        self._show_all(conversations)

    @property
    def row_keys(self) -> list[str]:
        """The keys of the rows shown (those passing the filters), in order."""
        return self.table.row_keys()

    @property
    def selected(self) -> Optional[str]:
        """The key of the selected row, or None."""
        return self.table.selected or None

    @selected.setter
    def selected(self, key: Optional[str]) -> None:
        self.table.selected = key or ""

    def reload(self) -> None:
        """Lists every conversation and conversation group again (blocking calls; events keep
        the rows current afterwards)."""
        self._show_all(self._client.conversation_list())

    def _show_all(self, conversations: list[Conversation]) -> None:
        """Shows ``conversations`` (as listed) and lists the conversation groups (a blocking call)."""
        groups = self._client.conversation_group_list()
        with self._lock:
            self._show_groups(groups)
            # The engine's order is the default order: later rows count as activated earlier.
            ranks = {conv.key: next(self._activations) for conv in reversed(conversations)}
            self.table.replace_all((c.key, c, self._default_key(c, ranks[c.key])) for c in conversations)
        self._show_count()

    def _groups_changed(self, add: str = "", drop: str = "") -> None:
        """A group event (on the engine's thread): the filter's choices change by the names it
        gives, without asking the client."""
        with self._lock:
            names = {name for _, name in self.group_filter.options if name}
            self._show_groups((names - {drop}) | ({add} - {""}))

    def _show_groups(self, names: Iterable[str]) -> None:
        """The group filter's choices, sorted; the choice made stays while its group does. The
        caller holds the lock."""
        names = sorted(names)
        current = self.group_filter.value
        self.group_filter.options = [("All groups", "")] + [(name, name) for name in names]
        self.group_filter.value = current if current in names else ""

    @staticmethod
    def _default_key(conv: Conversation, activation: int) -> tuple[bool, float, int]:
        """The SDK's order: pinned first, then latest activity, then the one active later."""
        return (not conv.pinned, -_epoch(conv.active_time), -activation)

    def apply_event(self, event: ConvEvent, conversations: list[Conversation]) -> None:
        """Applies one conversation event to the rows it names: O(log n) to place each, and the
        front end is sent only the rows that changed in its window."""
        with self._lock:
            if event is ConvEvent.DEL:
                self.table.remove(c.key for c in conversations)
            else:
                rows = []
                for conv in conversations:
                    old_key = self.table.default_key(conv.key)
                    old = self.table.get(conv.key)
                    if old is None or old_key is None or _activity(old) != _activity(conv):
                        activation = next(self._activations)  # became active: first among its peers
                    else:
                        activation = -old_key[2]
                    rows.append((conv.key, conv, self._default_key(conv, activation)))
                self.table.upsert(rows)
        self._show_count()

    def _on_event(self, event: ConvEvent, conversations: list[Conversation]) -> None:
        try:
            self.apply_event(event, conversations)
        except Exception:  # runs on the engine's thread: log, never raise into it
            log.exception("ConversationBrowser could not apply %s", event)

    def _apply_filters(self) -> None:
        kind, group, needle = self.type_filter.value, self.group_filter.value, self.search.value.strip().lower()

        def accept(conv: Conversation) -> bool:
            return (kind == "all" or conv.conv_type.prefix == kind) and (not group or group in conv.groups) and (
                not needle or needle in conv.conv_id.lower() or needle in conv.show_name.lower())

        self.table.set_filter(accept if kind != "all" or group or needle else None)
        self._show_count()

    def _show_count(self) -> None:
        self.count.value = html.escape(f"{len(self.table)} of {self.table.total} conversations")

    def _on_select(self, change: dict[str, Any]) -> None:
        key = change["new"]
        if key:
            for form in (self.delete_form, self.draft_editor, self.organize_form):
                form.selected = key
